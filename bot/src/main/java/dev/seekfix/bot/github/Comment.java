package dev.seekfix.bot.github;

/**
 * An issue comment or a review comment, as far as the bot reads them back.
 *
 * @param path the file of a review comment; null for issue comments
 * @param line     the line of a review comment; 0 when none
 * @param reviewId the review a review comment belongs to; 0 for issue comments
 */
public record Comment(long id, String body, String author, String authorType, String path, int line, long reviewId) {

    public boolean byBot(String botLogin) {
        return author.equalsIgnoreCase(botLogin);
    }
}
