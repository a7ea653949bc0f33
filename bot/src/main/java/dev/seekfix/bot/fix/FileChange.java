package dev.seekfix.bot.fix;

import java.util.Optional;

/**
 * One file a checked patch changes, with its text before (at the PR head) and after.
 *
 * @param before empty for a file the patch adds
 * @param after  empty for a file the patch deletes
 */
public record FileChange(String path, Optional<String> before, Optional<String> after) {

    public boolean added() {
        return before.isEmpty();
    }

    public boolean deleted() {
        return after.isEmpty();
    }
}
