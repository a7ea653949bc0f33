package dev.seekfix.bot.tasks;

import dev.seekfix.bot.answers.Finding;
import dev.seekfix.bot.answers.FindingValidator;
import dev.seekfix.bot.answers.FindingsParser;
import dev.seekfix.bot.answers.ReviewVerdict;
import dev.seekfix.bot.config.RepoConfig;
import dev.seekfix.bot.diff.DiffLine;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.Hunk;
import dev.seekfix.bot.diff.NumberedDiff;
import dev.seekfix.bot.diff.Side;
import dev.seekfix.bot.events.EventContext;
import dev.seekfix.bot.github.Comparison;
import dev.seekfix.bot.github.GitHubApiException;
import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.github.RepoClient;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.ModelException;
import dev.seekfix.bot.model.ModelReply;
import dev.seekfix.bot.model.ModelRequest;
import dev.seekfix.bot.model.TokenUsage;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.prompts.PromptValue;
import dev.seekfix.bot.publish.CheckRunProgress;
import dev.seekfix.bot.publish.Markers;
import dev.seekfix.bot.publish.ReviewPublisher;
import dev.seekfix.bot.publish.ReviewSummary;
import dev.seekfix.bot.publish.SkippedFile;
import dev.seekfix.webhooks.queue.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reviews a pull request: read the diff, plan parts within the model's context, ask for findings per part,
 * validate them against the hunks, publish one review and a check run.
 */
public final class ReviewTask {
    private static final Logger log = LoggerFactory.getLogger(ReviewTask.class);

    private final CodeModel model;
    private final PromptTemplates prompts;
    private final FindingsParser parser;
    private final FindingValidator validator = new FindingValidator();
    private final DiffReader diffs = new DiffReader();

    public ReviewTask(CodeModel model, PromptTemplates prompts, FindingsParser parser) {
        this.model = model;
        this.prompts = prompts;
        this.parser = parser;
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

        ReviewPlanner planner = new ReviewPlanner(model::countTokens);
        ReviewPlan plan = planner.plan(scope.files(), config.review().ignore(), tokensPerPart(pr, ctx, config), config.review().maxModelCalls());
        CheckRunProgress check = CheckRunProgress.start(repo, pr.headSha(), "Reviewing %d file(s) of %s in %d part(s) with %s."
                .formatted(plan.reviewedFiles().size(), scope.label(), plan.parts().size(), model.label()));

        List<Finding> findings = new ArrayList<>();
        List<String> failedParts = new ArrayList<>();
        TokenUsage usage = TokenUsage.NONE;
        int partNumber = 0;
        for (List<FileDiff> part : plan.parts()) {
            partNumber++;
            try {
                ModelReply reply = model.complete(ModelRequest.json(messages(ctx, pr, part, partNumber, plan.parts().size(), config),
                        parser.schema(), answerTokens()));
                usage = usage.plus(reply.usage());
                findings.addAll(parser.parse(reply.text()));
            } catch (ModelException e) {
                if (e.retryable()) throw e;
                log.warn("review part {} of #{} failed: {}", partNumber, pr.number(), e.getMessage());
                failedParts.add("part %d (%s): %s".formatted(partNumber,
                        part.stream().map(FileDiff::path).distinct().collect(Collectors.joining(", ")), e.getMessage()));
            }
            check.progress("Part %d of %d done.".formatted(partNumber, plan.parts().size()));
        }

        ReviewVerdict verdict = validator.validate(findings, prDiff, config.review().minConfidence(), config.review().maxComments(),
                alreadyRaised(repo, pr.number(), ctx.botLogin()));
        ReviewSummary summary = new ReviewSummary(pr.number(), pr.headSha(), scope.label(), plan.reviewedFiles(), plan.skipped(),
                verdict, failedParts, model.label(), usage);
        ReviewPublisher.Result result = publisher.publish(repo, summary);
        boolean serious = verdict.inline().stream().anyMatch(f -> f.severity().compareTo(Finding.Severity.MAJOR) <= 0);
        check.complete(serious ? "neutral" : "success",
                "%d comment(s), %d note(s), %d file(s) skipped".formatted(verdict.inline().size(), verdict.notes().size(), plan.skipped().size()),
                dev.seekfix.bot.publish.ReviewBody.render(summary));
        return new Outcome.Done("review of #%d at %s: %s".formatted(pr.number(), shortSha(pr.headSha()), result));
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

    private List<dev.seekfix.engine.api.ChatMessage> messages(EventContext ctx, PullRequest pr, List<FileDiff> part, int partNumber,
                                                              int parts, RepoConfig config) {
        Map<String, PromptValue> values = new LinkedHashMap<>();
        values.put("repository", PromptValue.trusted(ctx.repo().fullName()));
        values.put("number", PromptValue.trusted(Integer.toString(pr.number())));
        values.put("part", PromptValue.trusted(Integer.toString(partNumber)));
        values.put("parts", PromptValue.trusted(Integer.toString(parts)));
        values.put("title", PromptValue.untrusted("pull-request-title", pr.title()));
        values.put("description", PromptValue.untrusted("pull-request-description", abbreviate(pr.body(), 4000)));
        String instructions = config.review().instructions();
        values.put("instructions", PromptValue.trusted(instructions.isBlank() ? "(none)" : instructions));
        values.put("diff", PromptValue.untrusted("diff", NumberedDiff.render(part)));
        return prompts.render("review", values);
    }

    /** Tokens of diff one model call may carry: the context less the answer, the prompt around the diff and 5 %. */
    private int tokensPerPart(PullRequest pr, EventContext ctx, RepoConfig config) {
        int context = model.contextTokens();
        int overhead = messages(ctx, pr, List.of(), 1, 1, config).stream().mapToInt(m -> model.countTokens(m.content())).sum();
        int available = context - answerTokens() - overhead - context / 20;
        if (available < 64) {
            throw new ModelException("model %s has a context of %d tokens: too small for a review prompt of %d tokens plus a %d-token answer; use a model with a larger context"
                    .formatted(model.label(), context, overhead, answerTokens()), false);
        }
        return available;
    }

    private int answerTokens() {
        return Math.max(256, Math.min(4096, model.contextTokens() / 4));
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
