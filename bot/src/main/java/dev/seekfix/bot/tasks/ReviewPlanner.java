package dev.seekfix.bot.tasks;

import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.Hunk;
import dev.seekfix.bot.diff.NumberedDiff;
import dev.seekfix.bot.diff.PathGlob;
import dev.seekfix.bot.publish.SkippedFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Fits a pull request into the model's context: files the config ignores, deleted files, files without a patch
 * and generated/lock/vendored files are skipped with a reason; source files go first, then tests, then docs and
 * config; files are packed into parts of at most {@code tokensPerPart} tokens (a file larger than that is split by
 * hunks); parts beyond {@code maxParts} are skipped and listed, never silently dropped.
 */
public final class ReviewPlanner {
    private static final Pattern GENERATED = Pattern.compile(
            "(^|/)(vendor|node_modules|third_party|dist|build|target|\\.yarn)/|(^|/)(package-lock\\.json|yarn\\.lock|pnpm-lock\\.yaml|"
                    + "Cargo\\.lock|go\\.sum|poetry\\.lock|Gemfile\\.lock|composer\\.lock|gradle\\.lockfile)$|\\.(min\\.js|min\\.css|map|lock|pb\\.go|snap)$"
                    + "|(_generated|\\.generated|_pb2)\\.[a-z]+$");
    private static final Pattern TEST = Pattern.compile("(^|/)(test|tests|__tests__|spec)/|(Test|Tests|_test|\\.test|\\.spec)\\.[a-z]+$");
    private static final Pattern DOC_OR_CONFIG = Pattern.compile("\\.(md|rst|txt|adoc|ya?ml|json|toml|ini|cfg|properties|xml|csv|svg)$");

    private final ToIntFunction<String> countTokens;

    public ReviewPlanner(ToIntFunction<String> countTokens) {
        this.countTokens = countTokens;
    }

    public ReviewPlan plan(List<FileDiff> files, List<String> ignore, int tokensPerPart, int maxParts) {
        List<SkippedFile> skipped = new ArrayList<>();
        List<FileDiff> candidates = new ArrayList<>();
        List<PathGlob> globs = ignore.stream().map(PathGlob::new).toList();
        for (FileDiff file : files) {
            Optional<PathGlob> ignoredBy = globs.stream().filter(g -> g.matches(file.path())).findFirst();
            if (ignoredBy.isPresent()) {
                skipped.add(new SkippedFile(file.path(), "matches review.ignore `" + ignoredBy.get().pattern() + "`"));
            } else if (file.status().equals("removed")) {
                skipped.add(new SkippedFile(file.path(), "deleted"));
            } else if (!file.hasPatch()) {
                skipped.add(new SkippedFile(file.path(), "no patch from GitHub (binary or too large)"));
            } else if (GENERATED.matcher(file.path()).find()) {
                skipped.add(new SkippedFile(file.path(), "generated, lock or vendored file"));
            } else if (file.hunks().isEmpty()) {
                skipped.add(new SkippedFile(file.path(), "no changed lines"));
            } else {
                candidates.add(file);
            }
        }
        candidates.sort(Comparator.comparingInt(ReviewPlanner::priority).thenComparing(FileDiff::path));

        List<List<FileDiff>> parts = new ArrayList<>();
        List<FileDiff> current = new ArrayList<>();
        int currentTokens = 0;
        Set<String> reviewed = new LinkedHashSet<>();
        for (FileDiff file : candidates) {
            List<FileDiff> pieces = split(file, tokensPerPart);
            if (pieces.isEmpty()) {
                skipped.add(new SkippedFile(file.path(), "a single hunk is larger than the model's context allows"));
                continue;
            }
            int pieceIndex = 0;
            for (FileDiff piece : pieces) {
                int cost = cost(piece);
                if (currentTokens + cost > tokensPerPart && !current.isEmpty()) {
                    parts.add(current);
                    current = new ArrayList<>();
                    currentTokens = 0;
                }
                if (parts.size() >= maxParts) break;
                current.add(piece);
                currentTokens += cost;
                pieceIndex++;
            }
            if (pieceIndex == pieces.size()) {
                reviewed.add(file.path());
            } else if (pieceIndex > 0) {
                reviewed.add(file.path());
                skipped.add(new SkippedFile(file.path() + " (later hunks)", overBudget(maxParts)));
            } else {
                skipped.add(new SkippedFile(file.path(), overBudget(maxParts)));
            }
        }
        if (!current.isEmpty() && parts.size() < maxParts) parts.add(current);
        return new ReviewPlan(parts, new ArrayList<>(reviewed), skipped);
    }

    private static String overBudget(int maxParts) {
        return "over the review budget of %d model call%s (review.max_model_calls)".formatted(maxParts, maxParts == 1 ? "" : "s");
    }

    /** The file as pieces that each fit a part; empty when one hunk alone does not fit. */
    private List<FileDiff> split(FileDiff file, int tokensPerPart) {
        if (cost(file) <= tokensPerPart) return List.of(file);
        List<FileDiff> pieces = new ArrayList<>();
        List<Hunk> hunks = new ArrayList<>();
        for (Hunk hunk : file.hunks()) {
            List<Hunk> candidate = new ArrayList<>(hunks);
            candidate.add(hunk);
            if (cost(file.withHunks(candidate)) <= tokensPerPart) {
                hunks = candidate;
                continue;
            }
            if (hunks.isEmpty()) return List.of();
            pieces.add(file.withHunks(hunks));
            hunks = new ArrayList<>(List.of(hunk));
            if (cost(file.withHunks(hunks)) > tokensPerPart) return List.of();
        }
        if (!hunks.isEmpty()) pieces.add(file.withHunks(hunks));
        return pieces;
    }

    int cost(FileDiff file) {
        return countTokens.applyAsInt(NumberedDiff.render(file));
    }

    static int priority(FileDiff file) {
        String path = file.path().toLowerCase(Locale.ROOT);
        if (DOC_OR_CONFIG.matcher(path).find()) return 2;
        if (TEST.matcher(file.path()).find()) return 1;
        return 0;
    }
}
