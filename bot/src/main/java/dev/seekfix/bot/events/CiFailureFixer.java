package dev.seekfix.bot.events;

import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.webhooks.queue.Outcome;

import java.util.Optional;

/**
 * The CI half of auto-fix, plugged in by {@code dev.seekfix.bot.ci}/{@code dev.seekfix.bot.fix}. The routing table
 * sends {@code workflow_run.completed} and {@code check_suite.completed} here; {@code /fix} calls
 * {@link #onFixCommand} after fixing the last review's findings. Implementations find the PR by head SHA when the
 * event's {@code pull_requests[]} is empty (forks), honour {@code fix.max_attempts} per PR head, never fix their own
 * fix commits, and throw to have the delivery retried.
 */
public interface CiFailureFixer {

    /** A workflow run or check suite completed; act only on failures of open PRs. */
    Outcome onCiCompleted(EventContext context) throws Exception;

    /**
     * {@code /fix} on {@code pr} by a user with write permission: fix its failing CI, if any.
     *
     * @return a Markdown paragraph for the command's reply (what was done or why nothing was), or empty when the PR
     *         has no failing CI
     */
    Optional<String> onFixCommand(EventContext context, PullRequest pr) throws Exception;

    /** Used until the CI fixer is wired: CI events are ignored, {@code /fix} fixes review findings only. */
    CiFailureFixer NONE = new CiFailureFixer() {
        @Override
        public Outcome onCiCompleted(EventContext context) {
            return new Outcome.Ignored("CI auto-fix is not installed in this build");
        }

        @Override
        public Optional<String> onFixCommand(EventContext context, PullRequest pr) {
            return Optional.empty();
        }
    };
}
