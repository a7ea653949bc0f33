package dev.seekfix.bot.ci;

import java.util.List;

/** Why a check failed, as far as seekfix can tell; decides whether a patch is attempted. */
public sealed interface FailureClass {

    /**
     * The pull request broke it: the failing files or tests are touched by its diff, or the same check passes on
     * the base commit.
     *
     * @param touched the pull request's files the failure names (empty when the evidence is the green base)
     */
    record CausedByPr(List<String> touched, String evidence) implements FailureClass {
        public CausedByPr {
            touched = List.copyOf(touched);
        }
    }

    /** It fails without this pull request too: on the base commit, or intermittently on this very commit. */
    record PreExisting(Reason reason, String evidence) implements FailureClass {
        public enum Reason { FAILS_ON_BASE, FLAKY }
    }

    /** Where it ran failed, not the code; never patched. */
    record Infrastructure(InfrastructureSignal signal) implements FailureClass {
    }

    /** Nothing ties the failure to the pull request or clears it (no facts named its files, no base result). */
    record Undetermined(String reason) implements FailureClass {
    }

    /** A short label for comments and records. */
    default String label() {
        return switch (this) {
            case CausedByPr c -> "caused by this pull request";
            case PreExisting p -> p.reason() == PreExisting.Reason.FLAKY ? "flaky" : "pre-existing";
            case Infrastructure i -> "infrastructure";
            case Undetermined u -> "undetermined";
        };
    }
}
