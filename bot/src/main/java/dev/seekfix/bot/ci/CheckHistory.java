package dev.seekfix.bot.ci;

import java.util.Optional;

/**
 * What the same check did elsewhere: the classifier's evidence beyond the log.
 *
 * @param baseSha             the pull request's base commit
 * @param baseConclusion      the check's conclusion on the base commit ({@code success}, {@code failure}, …), empty
 *                            when it did not run there or is still running
 * @param passedOnSameHead    an earlier attempt of the same check on the same head commit succeeded
 */
public record CheckHistory(String baseSha, Optional<String> baseConclusion, boolean passedOnSameHead) {

    public static CheckHistory unknown(String baseSha) {
        return new CheckHistory(baseSha, Optional.empty(), false);
    }
}
