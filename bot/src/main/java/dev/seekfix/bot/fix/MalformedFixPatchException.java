package dev.seekfix.bot.fix;

/** The model's patch is not a unified diff seekfix can read. */
public final class MalformedFixPatchException extends RuntimeException {

    public MalformedFixPatchException(String message) {
        super(message);
    }
}
