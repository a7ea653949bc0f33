package dev.seekfix.bot.ci;

/**
 * A place in the repository a tool pointed at. {@code path} is repository-relative when the runner's workspace
 * prefix could be recognised, else as the tool printed it (resolve it against the repository's files by suffix).
 *
 * @param line   1-based, 0 when the tool gave none
 * @param column 1-based, 0 when the tool gave none
 */
public record SourceLocation(String path, int line, int column) {

    public SourceLocation {
        if (path == null || path.isBlank()) throw new IllegalArgumentException("a source location needs a path");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, found %d:%d in %s"
                    .formatted(line, column, path));
        }
    }

    /**
     * Where a JavaScript test failed: its frame in the test file itself, else its first in-repository frame, else the
     * test file (Jest and Vitest print the same kind of stack).
     */
    public static SourceLocation ofTestFailure(String testFile, java.util.List<StackFrame> frames) {
        return frames.stream()
                .filter(frame -> frame.path().equals(testFile)).findFirst()
                .or(() -> frames.stream().findFirst())
                .map(frame -> new SourceLocation(frame.path(), frame.line(), 0))
                .orElseGet(() -> new SourceLocation(testFile, 0, 0));
    }

    /** {@code path:line:column}, leaving out what is unknown. */
    @Override
    public String toString() {
        if (line == 0) return path;
        return column == 0 ? path + ":" + line : path + ":" + line + ":" + column;
    }
}
