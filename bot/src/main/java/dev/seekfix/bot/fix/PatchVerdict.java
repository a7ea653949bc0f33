package dev.seekfix.bot.fix;

/** What checking a proposed patch found. */
public sealed interface PatchVerdict {

    record Accepted(CheckedPatch patch) implements PatchVerdict {
    }

    /**
     * @param check  which check refused it: {@code format}, {@code paths}, {@code size}, {@code apply}, {@code syntax}
     * @param reason what was expected and what was found, fit to show the model and the PR
     */
    record Rejected(String check, String reason) implements PatchVerdict {
    }
}
