package dev.seekfix.bot.diff;

/**
 * One line of a hunk.
 *
 * @param oldLine line number in the base file, 0 for an added line
 * @param newLine line number in the head file, 0 for a removed line
 * @param text    the line without its +/-/space prefix
 */
public record DiffLine(Kind kind, int oldLine, int newLine, String text) {

    public enum Kind { CONTEXT, ADDED, REMOVED }

    /** Whether a review comment may sit on this line on {@code side} (GitHub: RIGHT for added and context, LEFT for removed and context). */
    public boolean commentableOn(Side side) {
        return switch (side) {
            case RIGHT -> kind != Kind.REMOVED;
            case LEFT -> kind != Kind.ADDED;
        };
    }

    public int lineOn(Side side) {
        return side == Side.RIGHT ? newLine : oldLine;
    }
}
