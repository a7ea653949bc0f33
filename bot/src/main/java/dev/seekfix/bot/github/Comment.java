package dev.seekfix.bot.github;

/**
 * An issue comment or a review comment, as far as the bot reads them back.
 *
 * @param path the file of a review comment; null for issue comments
 * @param line the line of a review comment; 0 when none
 */
public record Comment(long id, String body, String author, String authorType, String path, int line) {

    public boolean byBot(String botLogin) {
        return author.equalsIgnoreCase(botLogin);
    }
}
