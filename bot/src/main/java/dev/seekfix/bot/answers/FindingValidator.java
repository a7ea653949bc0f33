package dev.seekfix.bot.answers;

import dev.seekfix.bot.diff.DiffLine;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.Hunk;
import dev.seekfix.bot.diff.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every finding against the parsed hunks of the pull request before anything reaches GitHub
 * (GITHUB.md, "Writing reviews"): lines outside the diff go to the review body, multi-line ranges must lie in one
 * hunk, suggestions replace exactly their range, low-confidence and filler findings are dropped, findings already
 * raised on this PR are not raised again, and at most {@code maxComments} are posted, most severe first.
 */
public final class FindingValidator {
    private static final Pattern FILLER = Pattern.compile(
            "\\b(looks good|lgtm|no issues?( found)?|nothing to (report|change)|well done|nice work|great job|good job)\\b");
    private static final int CONTEXT_LINES = 3;

    /**
     * @param diff          the pull request's files by path (the whole PR diff, also on incremental reviews: GitHub
     *                      accepts comments on any line of it)
     * @param alreadyRaised fingerprints of findings posted earlier on this PR
     */
    public ReviewVerdict validate(List<Finding> findings, Map<String, FileDiff> diff, double minConfidence, int maxComments,
                                  Set<String> alreadyRaised) {
        List<Finding> candidates = new ArrayList<>();
        List<ReviewVerdict.Placed> notes = new ArrayList<>();
        List<ReviewVerdict.Placed> dropped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding finding : findings) {
            if (finding.confidence() < minConfidence) {
                dropped.add(new ReviewVerdict.Placed(finding, "confidence %.2f is below review.min_confidence %.2f"
                        .formatted(finding.confidence(), minConfidence)));
                continue;
            }
            if (isFiller(finding)) {
                dropped.add(new ReviewVerdict.Placed(finding, "not a finding (praise or filler)"));
                continue;
            }
            if (alreadyRaised.contains(finding.fingerprint())) {
                dropped.add(new ReviewVerdict.Placed(finding, "already raised on this pull request"));
                continue;
            }
            if (!seen.add(finding.fingerprint())) {
                dropped.add(new ReviewVerdict.Placed(finding, "repeats another finding of this review"));
                continue;
            }
            FileDiff file = diff.get(finding.path());
            if (file == null) {
                notes.add(new ReviewVerdict.Placed(finding, "file is not part of this pull request's diff"));
                continue;
            }
            Optional<Hunk> hunk = file.hunkWith(finding.side(), finding.line());
            if (hunk.isEmpty()) {
                notes.add(new ReviewVerdict.Placed(finding, "line %d (%s) is outside the diff".formatted(finding.line(),
                        finding.side() == Side.RIGHT ? "new" : "old")));
                continue;
            }
            candidates.add(placeRange(finding, hunk.get()));
        }
        candidates.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::confidence, Comparator.reverseOrder()));
        List<Finding> inline = new ArrayList<>();
        for (Finding f : candidates) {
            if (inline.size() < maxComments) {
                inline.add(f);
            } else {
                dropped.add(new ReviewVerdict.Placed(f, "over review.max_comments (%d)".formatted(maxComments)));
            }
        }
        return new ReviewVerdict(inline, notes, dropped);
    }

    /** Keeps a multi-line range only when it lies in one hunk, and repairs or drops the suggestion. */
    private static Finding placeRange(Finding finding, Hunk hunk) {
        Integer start = finding.startLine();
        if (start != null && start >= finding.line()) start = null;
        Finding placed = finding.withStartLine(start);
        int first = start == null ? finding.line() : start;
        Optional<List<DiffLine>> range = hunk.range(finding.side(), first, finding.line());
        if (range.isEmpty()) {
            // The model's start_line leaves the hunk: comment on the last line only, and drop the suggestion
            // because it was written for lines we cannot replace.
            return placed.withStartLine(null).withSuggestion(null);
        }
        if (finding.suggestion() == null) return placed;
        if (finding.side() == Side.LEFT) return placed.withSuggestion(null);
        List<DiffLine> onRight = hunk.lines().stream().filter(l -> l.commentableOn(Side.RIGHT)).toList();
        int from = onRight.indexOf(range.get().getFirst());
        int to = onRight.indexOf(range.get().getLast());
        List<String> before = onRight.subList(Math.max(0, from - CONTEXT_LINES), from).stream().map(DiffLine::text).toList();
        List<String> after = onRight.subList(to + 1, Math.min(onRight.size(), to + 1 + CONTEXT_LINES)).stream().map(DiffLine::text).toList();
        List<String> original = range.get().stream().map(DiffLine::text).toList();
        return placed.withSuggestion(SuggestionRepair.repair(original, before, after, finding.suggestion()).orElse(null));
    }

    static boolean isFiller(Finding finding) {
        String text = (finding.title() + " " + finding.body()).toLowerCase(Locale.ROOT);
        return finding.suggestion() == null && (FILLER.matcher(text).find() || finding.body().isBlank() && finding.title().isBlank());
    }
}
