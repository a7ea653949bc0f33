package dev.seekfix.bot.fix;

import dev.seekfix.bot.ci.CompileError;
import dev.seekfix.bot.ci.Diagnosis;
import dev.seekfix.bot.ci.FailureClass;
import dev.seekfix.bot.ci.FailureClassifier;
import dev.seekfix.bot.ci.FailureFact;
import dev.seekfix.bot.ci.LintError;
import dev.seekfix.bot.ci.StackFrame;
import dev.seekfix.bot.ci.TestFailure;
import dev.seekfix.bot.github.ChangedFile;
import dev.seekfix.bot.github.PullRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Gathers the context of a fix at the head commit: the files the failure names (compile and lint locations, the
 * failing test's file and its in-repo stack frames), resolved against the head's tree when a tool printed only a
 * path suffix, and the PR's diff. Long files are cut to windows around the named lines; everything is bounded by a
 * character budget so that the prompt fits the model's context.
 */
public final class ContextGatherer {

    /** Reads what the gatherer needs at the head. */
    public interface Source {
        /** Every file path at the head commit. */
        List<String> paths();

        Optional<String> read(String path);
    }

    /**
     * @param maxFiles   most files shown
     * @param window     lines kept on each side of a named line in a long file
     * @param wholeUnder files with fewer lines are shown whole
     * @param fileChars  character budget for all files together
     * @param diffChars  character budget for the PR's diff
     */
    public record Budget(int maxFiles, int window, int wholeUnder, int fileChars, int diffChars) {
        public static final Budget DEFAULT = new Budget(6, 40, 300, 40_000, 16_000);

        /** A budget scaled to a model context of {@code tokens} (about three characters per token of code). */
        public static Budget forContext(int tokens, int answerTokens) {
            int chars = Math.max(6_000, (tokens - answerTokens - 1_500) * 3);
            return new Budget(6, 40, 300, chars * 6 / 10, chars * 25 / 100);
        }
    }

    private final Budget budget;

    public ContextGatherer(Budget budget) {
        this.budget = budget;
    }

    public FixContext gather(String repository, PullRequest pr, Diagnosis diagnosis, FailureClass failureClass,
                             List<ChangedFile> prFiles, Source head) {
        List<String> omitted = new ArrayList<>();
        List<String> allPaths = head.paths();
        List<String> changed = prFiles.stream().map(ChangedFile::path).toList();
        Map<String, TreeSet<Integer>> named = new LinkedHashMap<>();
        for (FailureFact fact : diagnosis.facts()) {
            for (Named n : namedBy(fact)) {
                resolve(n.path(), allPaths, changed).ifPresent(p -> {
                    TreeSet<Integer> lines = named.computeIfAbsent(p, k -> new TreeSet<>());
                    if (n.line() > 0) lines.add(n.line());
                });
            }
        }
        List<SourceFile> files = new ArrayList<>();
        int used = 0;
        for (Map.Entry<String, TreeSet<Integer>> entry : named.entrySet()) {
            if (files.size() >= budget.maxFiles()) {
                omitted.add(entry.getKey() + " (more files than the prompt shows)");
                continue;
            }
            Optional<String> text = head.read(entry.getKey());
            if (text.isEmpty()) continue;
            SourceFile file = cut(entry.getKey(), text.get(), entry.getValue());
            if (used + file.text().length() > budget.fileChars()) {
                omitted.add(entry.getKey() + " (over the prompt's budget)");
                continue;
            }
            used += file.text().length();
            files.add(file);
        }
        return new FixContext(repository, pr, diagnosis, failureClass, files, diff(prFiles, omitted), omitted);
    }

    private record Named(String path, int line) {
    }

    private static List<Named> namedBy(FailureFact fact) {
        List<Named> out = new ArrayList<>();
        switch (fact) {
            case CompileError c -> out.add(new Named(c.location().path(), c.location().line()));
            case LintError l -> out.add(new Named(l.location().path(), l.location().line()));
            case TestFailure t -> {
                t.location().ifPresent(l -> out.add(new Named(l.path(), l.line())));
                for (StackFrame f : t.frames()) out.add(new Named(f.path(), f.line()));
                for (String guess : t.sourceGuesses()) out.add(new Named(guess, 0));
            }
        }
        return out;
    }

    /** The repository path a printed path means: itself, or the one file it is a suffix of (PR files preferred). */
    static Optional<String> resolve(String printed, List<String> allPaths, List<String> changed) {
        if (allPaths.contains(printed)) return Optional.of(printed);
        List<String> inPr = changed.stream().filter(p -> FailureClassifier.samePath(printed, p)).toList();
        if (inPr.size() == 1) return Optional.of(inPr.getFirst());
        List<String> matches = allPaths.stream().filter(p -> FailureClassifier.samePath(printed, p)).toList();
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    private SourceFile cut(String path, String text, TreeSet<Integer> lines) {
        List<String> all = text.lines().toList();
        if (all.size() <= budget.wholeUnder() || lines.isEmpty()) {
            int last = Math.min(all.size(), Math.max(budget.wholeUnder(), 1));
            return new SourceFile(path, String.join("\n", all.subList(0, last)), 1, last, all.size());
        }
        int from = Math.max(1, lines.first() - budget.window());
        int to = Math.min(all.size(), lines.last() + budget.window());
        return new SourceFile(path, String.join("\n", all.subList(from - 1, to)), from, to, all.size());
    }

    private String diff(List<ChangedFile> prFiles, List<String> omitted) {
        StringBuilder out = new StringBuilder();
        for (ChangedFile f : prFiles) {
            if (f.patch().isEmpty()) {
                omitted.add(f.path() + " (GitHub gives no diff: binary or too large)");
                continue;
            }
            String section = "--- a/" + f.previousPath().orElse(f.path()) + "\n+++ b/" + f.path() + "\n"
                    + f.patch().get() + "\n";
            if (out.length() + section.length() > budget.diffChars()) {
                omitted.add(f.path() + " (diff over the prompt's budget)");
                continue;
            }
            out.append(section);
        }
        return out.toString();
    }
}
