package dev.seekfix.bot.fix;

import java.util.List;

/**
 * A patch that applied with exact context to the PR head and passed every check.
 *
 * @param changes      the files it changes, with their whole text before and after
 * @param diff         the patch as seekfix regenerated it from before and after (canonical headers, counts, lines)
 * @param changedLines added plus removed lines
 */
public record CheckedPatch(List<FileChange> changes, String diff, int changedLines) {

    public CheckedPatch {
        changes = List.copyOf(changes);
    }

    public List<String> paths() {
        return changes.stream().map(FileChange::path).toList();
    }
}
