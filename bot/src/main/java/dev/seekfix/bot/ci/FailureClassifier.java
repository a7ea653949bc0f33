package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides the {@link FailureClass} of a diagnosed failure from the pull request's changed files and the check's
 * history. In order: an infrastructure sign without any compile or lint error → infrastructure; the same check
 * failing on the base commit → pre-existing; an earlier success on the same head → flaky; failing files or tests
 * touched by the diff → caused by the PR; a green base → caused by the PR; else undetermined.
 */
public final class FailureClassifier {

    public FailureClass classify(Diagnosis diagnosis, List<String> changedFiles, CheckHistory history) {
        if (diagnosis.infrastructure().isPresent() && !diagnosis.hasCodeErrors()) {
            return new FailureClass.Infrastructure(diagnosis.infrastructure().get());
        }
        String shortBase = shortSha(history.baseSha());
        if (history.baseConclusion().filter(c -> c.equals("failure") || c.equals("timed_out")).isPresent()) {
            return new FailureClass.PreExisting(FailureClass.PreExisting.Reason.FAILS_ON_BASE,
                    "the same check also fails on the base commit " + shortBase);
        }
        if (history.passedOnSameHead()) {
            return new FailureClass.PreExisting(FailureClass.PreExisting.Reason.FLAKY,
                    "the same check passed on an earlier attempt at this very commit");
        }
        List<String> touched = touchedFiles(diagnosis.facts(), changedFiles);
        if (!touched.isEmpty()) {
            return new FailureClass.CausedByPr(touched, "the failure names files this pull request changes: "
                    + String.join(", ", touched));
        }
        if (history.baseConclusion().filter(c -> c.equals("success")).isPresent()) {
            return new FailureClass.CausedByPr(List.of(), "the same check passes on the base commit " + shortBase);
        }
        if (diagnosis.facts().isEmpty()) {
            return new FailureClass.Undetermined("no known tool's errors were found in the log, and the check has no "
                    + "result on the base commit to compare with");
        }
        return new FailureClass.Undetermined("the failure names no file this pull request changes, and the check has "
                + "no result on the base commit to compare with");
    }

    /** The changed files that a fact names, directly or as a path suffix (JVM frames name only package paths). */
    static List<String> touchedFiles(List<FailureFact> facts, List<String> changedFiles) {
        Set<String> touched = new LinkedHashSet<>();
        for (FailureFact fact : facts) {
            List<String> named = new ArrayList<>(fact.paths());
            if (fact instanceof TestFailure t) named.addAll(t.sourceGuesses());
            for (String path : named) {
                for (String changed : changedFiles) {
                    if (samePath(path, changed)) touched.add(changed);
                }
            }
        }
        return new ArrayList<>(touched);
    }

    public static boolean samePath(String named, String repoPath) {
        if (named.isEmpty() || repoPath.isEmpty()) return false;
        return named.equals(repoPath) || repoPath.endsWith("/" + named) || named.endsWith("/" + repoPath);
    }

    private static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(7, sha.length()));
    }
}
