package dev.seekfix.bot.github;

/** The App's private key cannot be read; the message says where it came from and what to do. */
public final class InvalidKeyFileException extends RuntimeException {
    public InvalidKeyFileException(String message) {
        super(message);
    }
}
