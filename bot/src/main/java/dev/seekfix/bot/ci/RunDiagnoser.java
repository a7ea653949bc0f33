package dev.seekfix.bot.ci;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Diagnoses a failed workflow run or check suite: for each failing job, the failing step of its log, the facts in
 * it and the excerpt; for a non-Actions check run, its output and failure annotations. Also looks up the same
 * check on the base commit and earlier on the same head, the classifier's evidence.
 */
public final class RunDiagnoser {

    private final LogCleaner cleaner;
    private final StepSplitter splitter;
    private final FailureExtractor extractor;

    public RunDiagnoser(LogCleaner cleaner, StepSplitter splitter, FailureExtractor extractor) {
        this.cleaner = cleaner;
        this.splitter = splitter;
        this.extractor = extractor;
    }

    /** The failing jobs of a run, most informative first (facts before bare excerpts), at most {@code maxJobs}. */
    public List<Diagnosis> diagnoseRun(CiClient ci, long runId, int maxJobs) throws IOException, InterruptedException {
        List<Diagnosis> out = new ArrayList<>();
        for (CiJob job : ci.jobs(runId)) {
            if (!job.failed()) continue;
            if (out.size() >= maxJobs) break;
            out.add(diagnoseJob(ci, job));
        }
        out.sort(Comparator.comparing((Diagnosis d) -> d.facts().isEmpty()));
        return out;
    }

    Diagnosis diagnoseJob(CiClient ci, CiJob job) throws IOException, InterruptedException {
        String failedStepName = job.failedStep().map(CiJob.Step::name).orElse("");
        String raw;
        try {
            raw = ci.jobLog(job.id());
        } catch (JobLogUnavailableException e) {
            // a job that failed without a failed step and without a log lost its runner
            InfrastructureSignal.Kind kind = job.failedStep().isEmpty() ? InfrastructureSignal.Kind.RUNNER_LOST : null;
            return new Diagnosis(job.name(), failedStepName, List.of(), new LogExcerpt(1, List.of(e.getMessage())),
                    Optional.ofNullable(kind).map(k -> new InfrastructureSignal(k, e.getMessage())));
        }
        List<String> lines = cleaner.clean(raw);
        List<StepLog> steps = splitter.split(lines);
        Optional<StepLog> failing = splitter.failingStep(steps, failedStepName);
        if (failing.isEmpty()) {
            return new Diagnosis(job.name(), failedStepName, List.of(), new LogExcerpt(1, List.of()),
                    Optional.of(new InfrastructureSignal(InfrastructureSignal.Kind.RUNNER_LOST,
                            "the job failed but its log has no output")));
        }
        Diagnosis d = extractor.diagnose(job.name(), failing.get(), lines);
        if (d.infrastructure().isEmpty() && job.failedStep().isEmpty() && !failing.get().failed()) {
            // the runner stopped writing before any step reported an error
            return new Diagnosis(d.job(), d.step(), d.facts(), d.excerpt(), Optional.of(new InfrastructureSignal(
                    InfrastructureSignal.Kind.RUNNER_LOST, "the job failed without a failed step or an error line")));
        }
        return d;
    }

    /** The failing check runs of a non-Actions check suite, read from their output and annotations. */
    public List<Diagnosis> diagnoseSuite(CiClient ci, long suiteId, int maxRuns) {
        List<Diagnosis> out = new ArrayList<>();
        for (CiCheckRun run : ci.checkRunsOfSuite(suiteId)) {
            if (!run.failed()) continue;
            if (out.size() >= maxRuns) break;
            List<String> lines = new ArrayList<>();
            for (String part : List.of(run.output().title(), run.output().summary(), run.output().text())) {
                if (!part.isBlank()) lines.addAll(cleaner.clean(part));
            }
            StepLog step = new StepLog(run.name(), 1, lines, true);
            Diagnosis parsed = extractor.diagnose(run.name(), step, lines);
            List<FailureFact> facts = new ArrayList<>(parsed.facts());
            for (CiAnnotation a : ci.annotations(run.id())) {
                if (!a.level().equals("failure") || a.path().isBlank() || a.startLine() < 1) continue;
                facts.add(new LintError(run.appSlug().isEmpty() ? run.name() : run.appSlug(),
                        new SourceLocation(WorkspacePaths.relativize(a.path()), a.startLine(), Math.max(0, a.startColumn())),
                        a.title(), a.message()));
            }
            out.add(new Diagnosis(run.name(), run.name(), facts, parsed.excerpt(), parsed.infrastructure()));
        }
        return out;
    }

    /** The check on the PR's base commit and earlier on the same head. */
    public CheckHistory history(CiClient ci, String checkName, String baseSha, String headSha) {
        Optional<String> base = ci.checkRuns(baseSha, checkName).stream()
                .filter(r -> r.status().equals("completed") && r.conclusion().isPresent())
                .max(Comparator.comparing(CiCheckRun::completedAt).thenComparing(CiCheckRun::id))
                .flatMap(CiCheckRun::conclusion);
        boolean passedOnHead = ci.checkRuns(headSha, checkName).stream()
                .anyMatch(r -> r.conclusion().filter(c -> c.equals("success")).isPresent());
        return new CheckHistory(baseSha, base, passedOnHead);
    }
}
