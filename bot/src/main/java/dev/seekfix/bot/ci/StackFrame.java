package dev.seekfix.bot.ci;

/**
 * One frame of a failing test's stack that lies in the repository's own code (framework and runtime frames are
 * dropped by the parsers).
 *
 * @param symbol what runs there, e.g. {@code com.acme.GreeterTest.greetsByName} or {@code Object.<anonymous>}
 * @param path   a repository-relative path, or a path suffix such as {@code com/acme/GreeterTest.java} for JVM
 *               frames, which name only the file
 * @param line   1-based, 0 when unknown
 */
public record StackFrame(String symbol, String path, int line) {

    @Override
    public String toString() {
        String where = line == 0 ? path : path + ":" + line;
        return symbol.isEmpty() ? where : symbol + " (" + where + ")";
    }
}
