package dev.seekfix.bot.github;

import java.util.Optional;

/**
 * One entry of the pull request files (or compare) endpoint. {@code patch} is absent for binary files and
 * for diffs GitHub considers too large.
 *
 * @param status added, removed, modified, renamed, copied, changed or unchanged
 */
public record ChangedFile(String path, Optional<String> previousPath, String status, int additions, int deletions,
                          Optional<String> patch) {
}
