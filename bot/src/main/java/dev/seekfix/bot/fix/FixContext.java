package dev.seekfix.bot.fix;

import dev.seekfix.bot.ci.Diagnosis;
import dev.seekfix.bot.ci.FailureClass;
import dev.seekfix.bot.github.PullRequest;
import java.util.List;

/**
 * What the model sees to propose a fix: the diagnosis, the files the failure names (and the failing test's source)
 * at the head, and the PR's diff, each bounded.
 *
 * @param prDiff  the PR's changed files as unified diffs, bounded
 * @param omitted what was left out to fit, for the comment
 */
public record FixContext(String repository, PullRequest pr, Diagnosis diagnosis, FailureClass failureClass,
                         List<SourceFile> files, String prDiff, List<String> omitted) {

    public FixContext {
        files = List.copyOf(files);
        omitted = List.copyOf(omitted);
    }
}
