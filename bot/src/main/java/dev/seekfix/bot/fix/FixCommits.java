package dev.seekfix.bot.fix;

import dev.seekfix.bot.ci.Diagnosis;
import dev.seekfix.bot.github.PullRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the one commit a fix is published as, through the git data API (no clone): a blob per changed file, a
 * tree on top of the head's tree (keeping each file's mode), a commit whose parent is the head. The message ends
 * with the {@link FixLoopGuard#TRAILER} trailer, so the CI run it starts is never fixed again.
 */
final class FixCommits {

    private FixCommits() {
    }

    static String create(GitData git, PullRequest pr, CheckedPatch patch, Diagnosis diagnosis, String explanation) {
        String headTree = git.treeOf(pr.headSha());
        Map<String, String> modes = new HashMap<>();
        for (GitData.TreeEntry e : git.tree(headTree).entries()) modes.put(e.path(), e.mode());
        List<GitData.TreeChange> changes = new ArrayList<>();
        for (FileChange change : patch.changes()) {
            String mode = modes.getOrDefault(change.path(), "100644");
            Optional<String> blob = change.after().map(git::createBlob);
            changes.add(new GitData.TreeChange(change.path(), mode, blob));
        }
        String tree = git.createTree(headTree, changes);
        return git.createCommit(message(pr, diagnosis, explanation), tree, pr.headSha());
    }

    static String message(PullRequest pr, Diagnosis diagnosis, String explanation) {
        String subject = "Fix " + oneLine(diagnosis.job(), 50) + " for #" + pr.number();
        String body = explanation.isBlank() ? "" : wrap(explanation.replace("<!--", "&lt;!--")) + "\n\n";
        return subject + "\n\n" + body + FixLoopGuard.TRAILER + " " + pr.number() + " " + FixLoopGuard.shortSha(pr.headSha());
    }

    private static String oneLine(String s, int max) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.strip().split("\\s+")) {
            if (column > 0 && column + word.length() + 1 > 72) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
