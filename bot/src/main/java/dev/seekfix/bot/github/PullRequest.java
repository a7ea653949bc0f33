package dev.seekfix.bot.github;

/**
 * The parts of a pull request the bot reads.
 *
 * @param headRepository full name of the head's repository; differs from the base's for forks
 * @param authorType     {@code User} or {@code Bot}
 */
public record PullRequest(int number, String title, String body, String state, boolean draft,
                          String headSha, String headRef, String headRepository, String baseSha, String baseRef,
                          String author, String authorType) {

    public boolean fromFork(String baseRepository) {
        return !headRepository.equalsIgnoreCase(baseRepository);
    }
}
