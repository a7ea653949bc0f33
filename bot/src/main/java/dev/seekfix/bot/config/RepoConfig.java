package dev.seekfix.bot.config;

import java.util.List;

/**
 * One repository's {@code .github/seekfix.yml}, read from the default branch, with defaults for what it leaves out.
 */
public record RepoConfig(Review review, Fix fix, Commands commands) {

    /**
     * @param auto           review when a PR opens, reopens or becomes ready
     * @param onPush         what a push to the PR does: incremental (the new commits), full, or off
     * @param drafts         review draft PRs too
     * @param maxComments    most inline comments per review
     * @param minConfidence  findings below this confidence are dropped
     * @param maxModelCalls  most model calls per review; files beyond are listed as skipped
     * @param ignore         globs of paths never reviewed
     * @param instructions   the team's extra review instructions (trusted: they come from the default branch)
     */
    public record Review(boolean auto, OnPush onPush, boolean drafts, int maxComments, double minConfidence,
                         int maxModelCalls, List<String> ignore, String instructions) {
        public Review {
            ignore = List.copyOf(ignore);
        }
    }

    public enum OnPush { INCREMENTAL, FULL, OFF }

    public enum FixMode { SUGGEST, PULL_REQUEST, COMMIT }

    /** @param auto propose fixes when CI fails; @param maxAttempts fix attempts per PR head */
    public record Fix(boolean auto, FixMode mode, int maxAttempts) {
    }

    /** @param allowed author associations allowed to run commands (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, …) */
    public record Commands(List<String> allowed) {
        public Commands {
            allowed = List.copyOf(allowed);
        }
    }

    public static RepoConfig defaults() {
        return new RepoConfig(
                new Review(true, OnPush.INCREMENTAL, false, 10, 0.6, 6, List.of("**/*.lock", "dist/**"), ""),
                new Fix(true, FixMode.SUGGEST, 2),
                new Commands(List.of("OWNER", "MEMBER", "COLLABORATOR")));
    }
}
