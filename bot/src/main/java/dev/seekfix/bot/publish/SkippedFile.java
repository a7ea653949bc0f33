package dev.seekfix.bot.publish;

/** A file a review did not look at, and why (told to users instead of truncating silently). */
public record SkippedFile(String path, String reason) {
}
