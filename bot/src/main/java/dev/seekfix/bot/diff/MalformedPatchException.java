package dev.seekfix.bot.diff;

/** A patch that does not follow the unified diff format; the message says which file and line. */
public final class MalformedPatchException extends RuntimeException {
    public MalformedPatchException(String message) {
        super(message);
    }
}
