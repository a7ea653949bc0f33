package dev.seekfix.bot.github;

/** A call needs the App's identity before {@code /setup} ran or the environment set it. */
public final class AppNotConfiguredException extends RuntimeException {
    public AppNotConfiguredException(String message) {
        super(message);
    }
}
