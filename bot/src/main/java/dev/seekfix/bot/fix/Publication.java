package dev.seekfix.bot.fix;

/** Where a checked fix was published, by {@code fix.mode} and what the pull request allows. */
public sealed interface Publication {

    /** Committable suggestions in one review on the PR; {@code note} says why, when the mode asked for more. */
    record Suggested(int suggestions, String note) implements Publication {
    }

    /** The patch in the comment, to apply by hand; {@code why} says why not as suggestions or a commit. */
    record PatchInComment(String why) implements Publication {
    }

    /** A branch with one commit and a pull request into the PR's branch. */
    record FixPullRequest(int number, String url, String branch) implements Publication {
    }

    /** One commit pushed onto the PR's branch. */
    record Committed(String sha, String branch) implements Publication {
    }
}
