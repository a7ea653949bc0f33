package dev.seekfix.bot.tasks;

import dev.seekfix.bot.answers.SuggestionRepair;
import dev.seekfix.bot.diff.DiffLine;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.Hunk;
import dev.seekfix.bot.diff.Side;
import dev.seekfix.bot.github.ReviewDraft;
import dev.seekfix.bot.publish.Fences;
import dev.seekfix.bot.publish.Markers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns proposed replacements (fixes, docstrings) into committable suggestions where their lines lie in one diff
 * hunk on the head side, and into plain code blocks for the reply where they do not.
 */
public final class SuggestionReview {

    /** A replacement of new-file lines {@code startLine..line} of {@code path}. */
    public record Replacement(String path, int startLine, int line, String text, String explanation) {
    }

    /** Comments to post as one review, and the rest as Markdown for the reply. */
    public record Split(List<ReviewDraft.InlineComment> inline, List<String> elsewhere) {
    }

    public static Split split(List<Replacement> replacements, Map<String, FileDiff> diff) {
        List<ReviewDraft.InlineComment> inline = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (Replacement r : replacements) {
            String explanation = Markers.sanitize(r.explanation());
            String text = Markers.sanitize(r.text());
            Optional<String> placed = place(r, diff.get(r.path()));
            if (placed.isPresent()) {
                inline.add(new ReviewDraft.InlineComment(r.path(), r.startLine() < r.line() ? r.startLine() : null, r.line(),
                        Side.RIGHT.name(), explanation + "\n\n" + Fences.suggestion(placed.get())));
            } else {
                elsewhere.add("`%s:%d`: %s\n\n%s".formatted(r.path(), r.startLine(), explanation, Fences.block("", text)));
            }
        }
        return new Split(inline, elsewhere);
    }

    private static Optional<String> place(Replacement r, FileDiff file) {
        if (file == null) return Optional.empty();
        int start = Math.min(r.startLine(), r.line());
        for (Hunk hunk : file.hunks()) {
            Optional<List<DiffLine>> range = hunk.range(Side.RIGHT, start, r.line());
            if (range.isEmpty()) continue;
            List<DiffLine> onRight = hunk.lines().stream().filter(l -> l.commentableOn(Side.RIGHT)).toList();
            int from = onRight.indexOf(range.get().getFirst());
            int to = onRight.indexOf(range.get().getLast());
            List<String> before = onRight.subList(Math.max(0, from - 3), from).stream().map(DiffLine::text).toList();
            List<String> after = onRight.subList(to + 1, Math.min(onRight.size(), to + 4)).stream().map(DiffLine::text).toList();
            return SuggestionRepair.repair(range.get().stream().map(DiffLine::text).toList(), before, after, r.text());
        }
        return Optional.empty();
    }
}
