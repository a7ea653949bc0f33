package dev.seekfix.bot.tasks;

import dev.seekfix.bot.answers.Finding;
import dev.seekfix.bot.answers.FindingsParser;
import dev.seekfix.bot.answers.ReviewVerdict;
import dev.seekfix.bot.config.RepoConfig;
import dev.seekfix.bot.diff.DiffLine;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.Hunk;
import dev.seekfix.bot.diff.Side;
import dev.seekfix.bot.events.EventContext;
import dev.seekfix.bot.github.Comparison;
import dev.seekfix.bot.github.GitHubApiException;
import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.github.RepoClient;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.publish.CheckRunProgress;
import dev.seekfix.bot.publish.Markers;
import dev.seekfix.bot.publish.ReviewBody;
import dev.seekfix.bot.publish.ReviewPublisher;
import dev.seekfix.bot.publish.ReviewSummary;
import dev.seekfix.webhooks.queue.Outcome;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reviews a pull request: read the diff, plan parts within the model's context, ask for findings per part,
 * validate them against the hunks, publish one review and a check run.
 */
public final class ReviewTask {

    private final CodeModel model;
    private final ReviewPass pass;
    private final DiffReader diffs = new DiffReader();

    public ReviewTask(CodeModel model, PromptTemplates prompts, FindingsParser parser) {
        this.model = model;
        this.pass = new ReviewPass(model, prompts, parser);
    }

    public Outcome run(EventContext ctx, PullRequest pr, ReviewTrigger trigger) {
        RepoClient repo = ctx.repo();
        RepoConfig config = ctx.config().config();
        ReviewPublisher publisher = new ReviewPublisher(ctx.botLogin());
        if (!(trigger instanceof ReviewTrigger.Requested) && publisher.existing(repo, pr.number(), pr.headSha()).isPresent()) {
            return new Outcome.Done("head %s of #%d already has a seekfix review".formatted(shortSha(pr.headSha()), pr.number()));
        }
        Map<String, FileDiff> prDiff = diffs.read(repo, pr.number());
        Scope scope = scope(repo, prDiff, trigger, config);
        ReviewPass.Subject subject = new ReviewPass.Subject(repo.fullName(), pr.number(), pr.title(), pr.body());
        ReviewPlan plan = pass.plan(subject, scope.files(), config);
        CheckRunProgress check = CheckRunProgress.start(repo, pr.headSha(), "Reviewing %d file(s) of %s in %d part(s) with %s."
                .formatted(plan.reviewedFiles().size(), scope.label(), plan.parts().size(), model.label()));
        ReviewPass.Result result = pass.run(subject, plan, prDiff, config, alreadyRaised(repo, pr.number(), ctx.botLogin()),
                check::progress);
        ReviewVerdict verdict = result.verdict();
        ReviewSummary summary = new ReviewSummary(pr.number(), pr.headSha(), scope.label(), plan.reviewedFiles(), plan.skipped(),
                verdict, result.failedParts(), model.label(), result.usage());
        ReviewPublisher.Result published = publisher.publish(repo, summary);
        boolean serious = verdict.inline().stream().anyMatch(f -> f.severity().compareTo(Finding.Severity.MAJOR) <= 0);
        check.complete(serious ? "neutral" : "success",
                "%d comment(s), %d note(s), %d file(s) skipped".formatted(verdict.inline().size(), verdict.notes().size(), plan.skipped().size()),
                ReviewBody.render(summary));
        return new Outcome.Done("review of #%d at %s: %s".formatted(pr.number(), shortSha(pr.headSha()), published));
    }

    private record Scope(List<FileDiff> files, String label) {
    }

    /** The files (and hunks) to look at: everything, or for a push only the PR hunks the new commits touched. */
    private Scope scope(RepoClient repo, Map<String, FileDiff> prDiff, ReviewTrigger trigger, RepoConfig config) {
        List<FileDiff> all = List.copyOf(prDiff.values());
        if (!(trigger instanceof ReviewTrigger.Pushed(String before, String after))
                || config.review().onPush() != RepoConfig.OnPush.INCREMENTAL) {
            return new Scope(all, "all changes");
        }
        Comparison comparison;
        try {
            comparison = repo.compare(before, after);
        } catch (GitHubApiException e) {
            if (e.retryable()) throw e;
            return new Scope(all, "all changes (the previous head is gone)");
        }
        if (!comparison.status().equals("ahead")) {
            return new Scope(all, "all changes (force-push: %s)".formatted(comparison.status()));
        }
        Map<String, FileDiff> pushed = diffs.parse(comparison.files());
        List<FileDiff> files = new ArrayList<>();
        for (FileDiff file : all) {
            FileDiff delta = pushed.get(file.path());
            if (delta == null) continue;
            if (!delta.hasPatch() || !file.hasPatch()) {
                files.add(file);
                continue;
            }
            Set<Integer> touched = new HashSet<>();
            delta.hunks().forEach(h -> h.lines().stream().filter(l -> l.kind() == DiffLine.Kind.ADDED)
                    .forEach(l -> touched.add(l.newLine())));
            List<Hunk> hunks = file.hunks().stream()
                    .filter(h -> h.lines().stream().anyMatch(l -> l.commentableOn(Side.RIGHT) && touched.contains(l.newLine())))
                    .toList();
            if (!hunks.isEmpty()) files.add(file.withHunks(hunks));
        }
        return new Scope(files, "commits %s..%s (incremental)".formatted(shortSha(before), shortSha(after)));
    }

    /** Fingerprints of findings seekfix already raised on this PR, inline or in review bodies (resolved or not). */
    static Set<String> alreadyRaised(RepoClient repo, int pr, String botLogin) {
        Set<String> raised = new HashSet<>();
        repo.reviewComments(pr).stream().filter(c -> c.byBot(botLogin)).forEach(c -> raised.addAll(Markers.fingerprints(c.body())));
        repo.reviews(pr).stream().filter(r -> r.author().equalsIgnoreCase(botLogin)).forEach(r -> raised.addAll(Markers.fingerprints(r.body())));
        return raised;
    }

    static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "\n… (truncated)";
    }
}
