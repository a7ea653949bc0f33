package dev.seekfix.bot.fix;

/**
 * A file at the PR head as the prompt shows it: whole, or a window of it around the lines the failure names.
 *
 * @param firstLine 1-based line number of the first line of {@code text}
 * @param lastLine  line number of its last line
 * @param totalLines lines of the whole file
 */
public record SourceFile(String path, String text, int firstLine, int lastLine, int totalLines) {

    public boolean whole() {
        return firstLine == 1 && lastLine == totalLines;
    }
}
