package dev.seekfix.bot.ci;

/**
 * A sign in a log that the build failed because of where it ran, not because of the code: such failures are
 * reported, never patched.
 *
 * @param evidence the log line that shows it (cleaned), or a sentence when the sign is the absence of a log
 */
public record InfrastructureSignal(Kind kind, String evidence) {

    public enum Kind {
        NETWORK("network error"),
        UPSTREAM_UNAVAILABLE("a remote service answered with a server error"),
        RATE_LIMITED("rate limited by a remote service"),
        OUT_OF_MEMORY("out of memory"),
        DISK_FULL("disk full"),
        RUNNER_LOST("the runner was lost or shut down"),
        TIMED_OUT("the job ran past its time limit");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
