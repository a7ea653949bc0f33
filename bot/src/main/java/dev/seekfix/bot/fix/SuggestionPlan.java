package dev.seekfix.bot.fix;

import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.Hunk;
import dev.seekfix.bot.diff.Side;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Turns a checked patch into committable suggestions, all or nothing: each change becomes one suggestion replacing
 * head lines {@code start..end}, and only when every one of them lies inside one hunk of the PR's diff on the RIGHT
 * side (GITHUB.md, "Writing reviews": a line outside the diff sinks the whole review). A pure insertion is anchored
 * on the line before it (or the first line) and repeats that line, since a suggestion can only replace lines.
 * Added or deleted files cannot be suggested.
 */
public final class SuggestionPlan {

    /** One suggestion: replace RIGHT-side lines {@code startLine..line} of {@code path} with {@code replacement}. */
    public record Suggestion(String path, int startLine, int line, String replacement) {
    }

    private SuggestionPlan() {
    }

    /** The suggestions, or empty when some change cannot be one (the patch then goes into the comment). */
    public static Optional<List<Suggestion>> plan(CheckedPatch patch, Map<String, FileDiff> prDiff, int maxSuggestions) {
        List<Suggestion> out = new ArrayList<>();
        for (FileChange change : patch.changes()) {
            if (change.added() || change.deleted()) return Optional.empty();
            FileDiff file = prDiff.get(change.path());
            if (file == null || !file.hasPatch()) return Optional.empty();
            List<String> before = change.before().get().lines().toList();
            List<String> after = change.after().get().lines().toList();
            for (Edit edit : edits(change.before().get(), change.after().get())) {
                Suggestion s = toSuggestion(change.path(), edit, before, after);
                if (!insideOneHunk(file, s.startLine(), s.line())) return Optional.empty();
                out.add(s);
            }
        }
        if (out.isEmpty() || out.size() > maxSuggestions) return Optional.empty();
        return Optional.of(out);
    }

    static EditList edits(String before, String after) {
        RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        return new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
    }

    static Suggestion toSuggestion(String path, Edit edit, List<String> before, List<String> after) {
        List<String> inserted = after.subList(edit.getBeginB(), edit.getEndB());
        if (edit.getBeginA() < edit.getEndA()) {
            // lines beginA+1 .. endA (1-based) are replaced by the new lines
            return new Suggestion(path, edit.getBeginA() + 1, edit.getEndA(), join(inserted));
        }
        if (edit.getBeginA() > 0) {
            int anchor = edit.getBeginA(); // the line before the insertion, 1-based
            List<String> lines = new ArrayList<>();
            lines.add(before.get(anchor - 1));
            lines.addAll(inserted);
            return new Suggestion(path, anchor, anchor, join(lines));
        }
        List<String> lines = new ArrayList<>(inserted);
        if (!before.isEmpty()) lines.add(before.getFirst());
        return new Suggestion(path, 1, 1, join(lines));
    }

    private static boolean insideOneHunk(FileDiff file, int start, int end) {
        for (Hunk hunk : file.hunks()) {
            if (hunk.range(Side.RIGHT, start, end).isPresent()) return true;
        }
        return false;
    }

    private static String join(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
