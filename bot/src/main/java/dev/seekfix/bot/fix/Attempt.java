package dev.seekfix.bot.fix;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded fix attempt.
 *
 * @param failureKey a SHA-256 of {@link dev.seekfix.bot.ci.Diagnosis#failureKey()}: the same failure on any head
 * @param trigger    {@code workflow_run}, {@code check_suite} or {@code command}
 */
public record Attempt(long id, String repository, int pullNumber, String headSha, String failureKey, String checkName,
                      String trigger, String deliveryId, AttemptOutcome outcome, String detail, Instant startedAt,
                      Optional<Instant> finishedAt) {

    public boolean finished() {
        return finishedAt.isPresent();
    }
}
