package dev.seekfix.bot.publish;

import dev.seekfix.bot.answers.Finding;
import dev.seekfix.bot.answers.ReviewVerdict;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the review body and the inline comments: what was reviewed and what was skipped and why, findings that
 * could not be placed on a diff line, and which model answered with how many tokens. Lists are capped so the body
 * stays far below GitHub's 65,536 characters; the counts are always complete.
 */
public final class ReviewBody {
    static final int MAX_LISTED_PER_REASON = 40;
    static final int MAX_NOTES = 15;

    private ReviewBody() {
    }

    public static String render(ReviewSummary s) {
        StringBuilder out = new StringBuilder();
        out.append(Markers.review(s.pr(), s.headSha())).append('\n');
        out.append("### seekfix review\n\n");
        ReviewVerdict v = s.verdict();
        int inline = v.inline().size();
        if (inline == 0 && v.notes().isEmpty()) {
            out.append("No problems found in the reviewed changes (").append(s.scope()).append(").\n");
        } else {
            out.append("%d inline comment%s on %s.\n".formatted(inline, inline == 1 ? "" : "s", s.scope()));
        }
        if (!v.notes().isEmpty()) {
            out.append("\n#### Findings outside the diff\n");
            v.notes().stream().limit(MAX_NOTES).forEach(n -> out.append(noteLine(n)));
            if (v.notes().size() > MAX_NOTES) out.append("- … and %d more\n".formatted(v.notes().size() - MAX_NOTES));
        }
        long overCap = v.dropped().stream().filter(d -> d.reason().startsWith("over review.max_comments")).count();
        if (overCap > 0) {
            out.append("\n%d more finding%s not shown (review.max_comments).\n".formatted(overCap, overCap == 1 ? "" : "s"));
        }
        long repeated = v.dropped().stream().filter(d -> d.reason().startsWith("already raised")).count();
        if (repeated > 0) {
            out.append("\n%d finding%s raised earlier on this pull request %s not repeated.\n".formatted(repeated,
                    repeated == 1 ? "" : "s", repeated == 1 ? "is" : "are"));
        }
        if (!s.failedParts().isEmpty()) {
            out.append("\n#### Parts without findings because the model failed\n");
            s.failedParts().forEach(p -> out.append("- ").append(p).append('\n'));
        }
        out.append("\n<details><summary>Files: %d reviewed, %d skipped</summary>\n\n".formatted(s.reviewedFiles().size(), s.skipped().size()));
        if (!s.reviewedFiles().isEmpty()) {
            out.append("**Reviewed**: ").append(listPaths(s.reviewedFiles())).append("\n\n");
        }
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (SkippedFile f : s.skipped()) byReason.computeIfAbsent(f.reason(), r -> new java.util.ArrayList<>()).add(f.path());
        for (Map.Entry<String, List<String>> e : byReason.entrySet()) {
            out.append("**Skipped — ").append(e.getKey()).append("** (").append(e.getValue().size()).append("): ")
                    .append(listPaths(e.getValue())).append("\n\n");
        }
        out.append("</details>\n\n");
        out.append("<sub>Model: %s · %d prompt + %d completion tokens in %d call%s</sub>\n".formatted(
                Markers.sanitize(s.modelLabel()), s.usage().promptTokens(), s.usage().completionTokens(), s.usage().calls(),
                s.usage().calls() == 1 ? "" : "s"));
        Set<String> noteFingerprints = new LinkedHashSet<>();
        v.notes().forEach(n -> noteFingerprints.add(n.finding().fingerprint()));
        if (!noteFingerprints.isEmpty()) out.append(Markers.notes(noteFingerprints)).append('\n');
        return out.toString();
    }

    private static String listPaths(List<String> paths) {
        String listed = paths.stream().limit(MAX_LISTED_PER_REASON).map(p -> "`" + p + "`").collect(Collectors.joining(", "));
        return paths.size() > MAX_LISTED_PER_REASON ? listed + " … and " + (paths.size() - MAX_LISTED_PER_REASON) + " more" : listed;
    }

    private static String noteLine(ReviewVerdict.Placed note) {
        Finding f = note.finding();
        return "- `%s:%d` **%s** %s — %s _(%s)_\n".formatted(f.path(), f.line(), f.severity().label(),
                Markers.sanitize(f.title()), Markers.sanitize(f.body()).replace("\n", " "), note.reason());
    }

    /** One inline comment: severity and title, the explanation, a committable suggestion, the finding's marker. */
    public static String comment(Finding f) {
        StringBuilder out = new StringBuilder();
        out.append("**%s** · %s · %s\n\n".formatted(f.severity().label(), Markers.sanitize(f.category()), Markers.sanitize(f.title())));
        out.append(Markers.sanitize(f.body())).append("\n");
        if (f.suggestion() != null) out.append('\n').append(Fences.suggestion(f.suggestion())).append('\n');
        out.append("\n<sub>confidence %.2f · seekfix</sub>\n".formatted(f.confidence()));
        out.append(Markers.finding(f.fingerprint()));
        return out.toString();
    }
}
