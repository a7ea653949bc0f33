package dev.seekfix.bot.fix;

/** How one fix attempt ended; whether it counts toward {@code fix.max_attempts}. */
public enum AttemptOutcome {
    /** Started and not finished (running, or its process died; a retry of the same delivery resumes it). */
    IN_PROGRESS(true),
    /** A patch was published and the verify command passes with it. */
    FIX_VERIFIED(true),
    /** A checked patch was published without a passing verify command. */
    FIX_UNVERIFIED(true),
    /** The model was asked but no patch passed the checks. */
    NO_FIX(true),
    /** Explained without a patch: infrastructure or pre-existing failure. */
    REPORTED(false),
    /** Nothing was done: loop guard, head moved, cap reached, nothing failed. */
    SKIPPED(false),
    /** An error ended it after the model was asked. */
    ERROR(true);

    private final boolean counts;

    AttemptOutcome(boolean counts) {
        this.counts = counts;
    }

    public boolean countsTowardCap() {
        return counts;
    }
}
