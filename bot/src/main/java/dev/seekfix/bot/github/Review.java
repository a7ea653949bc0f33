package dev.seekfix.bot.github;

/** A submitted pull request review. */
public record Review(long id, String body, String author, String commitId, String state) {
}
