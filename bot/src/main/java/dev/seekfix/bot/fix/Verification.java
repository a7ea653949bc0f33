package dev.seekfix.bot.fix;

import java.time.Duration;

/**
 * What running the repository's verify command found. A fix is <b>verified</b> only when the command failed at the
 * head (it reproduces the failure) and passes with the patch.
 */
public sealed interface Verification {

    /** The command failed at the head and passes with the patch. */
    record Verified(String command, Duration took, String outputTail) implements Verification {
    }

    /** The command still fails with the patch. */
    record StillFails(String command, int exitCode, String outputTail) implements Verification {
    }

    /** The command passes at the head already, so it cannot tell whether the patch fixes anything. */
    record NotReproduced(String command, String outputTail) implements Verification {
    }

    /** The command ran past its time limit and was killed. */
    record TimedOut(String command, Duration limit, boolean withPatch) implements Verification {
    }

    /** No command ran: none configured, sandboxing off, a fork, or the checkout failed. */
    record NotRun(String reason) implements Verification {
    }

    default boolean verified() {
        return this instanceof Verified;
    }

    /** One sentence for the PR comment. */
    default String summary() {
        return switch (this) {
            case Verified v -> "**Verified**: `%s` failed at the head and passes with this patch (%d s)."
                    .formatted(v.command(), Math.max(1, v.took().toSeconds()));
            case StillFails s -> "**Not verified**: `%s` still fails with this patch (exit code %d)."
                    .formatted(s.command(), s.exitCode());
            case NotReproduced n -> "**Not verified**: `%s` already passes at the head, so it cannot show that the "
                    .formatted(n.command()) + "patch fixes the failure.";
            case TimedOut t -> "**Not verified**: `%s` ran past its limit of %d s %s the patch."
                    .formatted(t.command(), t.limit().toSeconds(), t.withPatch() ? "with" : "without");
            case NotRun n -> "**Not verified**: " + n.reason();
        };
    }
}
