package dev.seekfix.bot.fix;

/** The head commit a CI event ran on, as its {@code head_commit} object describes it. */
public record HeadCommit(String sha, String authorName, String authorEmail, String committerName, String committerEmail,
                         String message) {

    public static HeadCommit unknown(String sha) {
        return new HeadCommit(sha, "", "", "", "", "");
    }
}
