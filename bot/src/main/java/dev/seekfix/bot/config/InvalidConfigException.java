package dev.seekfix.bot.config;

/** {@code .github/seekfix.yml} is not valid; the message quotes what is wrong and where. */
public final class InvalidConfigException extends Exception {
    public InvalidConfigException(String message) {
        super(message);
    }
}
