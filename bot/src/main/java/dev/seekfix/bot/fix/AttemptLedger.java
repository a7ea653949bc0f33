package dev.seekfix.bot.fix;

import java.util.List;

/**
 * The durable record of fix attempts, for the caps ({@code fix.max_attempts} per PR head and per failure) and for
 * people asking what seekfix tried.
 */
public interface AttemptLedger {

    /** What a new attempt is about. */
    record Start(String repository, int pullNumber, String headSha, String failureKey, String checkName,
                 String trigger, String deliveryId) {
    }

    /**
     * Records a new attempt, or returns the one this delivery already recorded for this failure (a redelivery or a
     * retry after a crash must not count twice).
     */
    Attempt begin(Start start);

    void finish(long attemptId, AttemptOutcome outcome, String detail);

    /** Attempts on this head that count toward the cap, the given one excluded. */
    int countedForHead(String repository, int pullNumber, String headSha, long excludingId);

    /** Attempts on this failure, on any head of the PR, that count toward the cap, the given one excluded. */
    int countedForFailure(String repository, int pullNumber, String failureKey, long excludingId);

    List<Attempt> history(String repository, int pullNumber);
}
