package dev.seekfix.bot.github;

/** A check run the bot created, with its current status. */
public record CheckRun(long id, String name, String headSha, String status) {
}
