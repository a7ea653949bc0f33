package dev.seekfix.bot.fake;

/** A file of a {@link Pr}; {@code patch} null for a binary file. */
public record PrFile(String path, String status, String patch) {
}
