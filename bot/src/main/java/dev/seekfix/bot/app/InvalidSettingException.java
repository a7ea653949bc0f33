package dev.seekfix.bot.app;

/** An environment variable has a value seekfix cannot use; the message names it, the value and what is expected. */
public final class InvalidSettingException extends RuntimeException {
    public InvalidSettingException(String message) {
        super(message);
    }
}
