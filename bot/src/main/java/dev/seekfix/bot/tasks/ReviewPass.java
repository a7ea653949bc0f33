package dev.seekfix.bot.tasks;

import dev.seekfix.bot.answers.Finding;
import dev.seekfix.bot.answers.FindingValidator;
import dev.seekfix.bot.answers.FindingsParser;
import dev.seekfix.bot.answers.ReviewVerdict;
import dev.seekfix.bot.config.RepoConfig;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.NumberedDiff;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.ModelException;
import dev.seekfix.bot.model.ModelReply;
import dev.seekfix.bot.model.ModelRequest;
import dev.seekfix.bot.model.TokenUsage;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.prompts.PromptValue;
import dev.seekfix.engine.api.ChatMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The review itself, without GitHub: plan parts within the model's context, ask for findings per part, validate
 * them against the hunks. Shared by the App ({@link ReviewTask}) and {@code seekfix review} on a local repository.
 */
public final class ReviewPass {
    private static final Logger log = LoggerFactory.getLogger(ReviewPass.class);

    /** What the PR is, for the prompt. Title and description are untrusted. */
    public record Subject(String repository, int number, String title, String description) {
    }

    public record Result(ReviewPlan plan, ReviewVerdict verdict, List<String> failedParts, TokenUsage usage) {
    }

    private final CodeModel model;
    private final PromptTemplates prompts;
    private final FindingsParser parser;
    private final FindingValidator validator = new FindingValidator();

    public ReviewPass(CodeModel model, PromptTemplates prompts, FindingsParser parser) {
        this.model = model;
        this.prompts = prompts;
        this.parser = parser;
    }

    public ReviewPlan plan(Subject subject, List<FileDiff> scope, RepoConfig config) {
        return new ReviewPlanner(model::countTokens).plan(scope, config.review().ignore(), tokensPerPart(subject, config),
                config.review().maxModelCalls());
    }

    /**
     * @param diff          the whole diff, for validation (comments may sit on any of its lines)
     * @param alreadyRaised fingerprints of findings raised before
     * @param progress      told after each part, e.g. to update a check run
     */
    public Result run(Subject subject, ReviewPlan plan, Map<String, FileDiff> diff, RepoConfig config, Set<String> alreadyRaised,
                      Consumer<String> progress) {
        List<Finding> findings = new ArrayList<>();
        List<String> failedParts = new ArrayList<>();
        TokenUsage usage = TokenUsage.NONE;
        int partNumber = 0;
        for (List<FileDiff> part : plan.parts()) {
            partNumber++;
            try {
                ModelReply reply = model.complete(ModelRequest.json(messages(subject, part, partNumber, plan.parts().size(), config),
                        parser.schema(), answerTokens()));
                usage = usage.plus(reply.usage());
                findings.addAll(parser.parse(reply.text()));
            } catch (ModelException e) {
                if (e.retryable()) throw e;
                log.warn("review part {} of #{} failed: {}", partNumber, subject.number(), e.getMessage());
                failedParts.add("part %d (%s): %s".formatted(partNumber,
                        part.stream().map(FileDiff::path).distinct().collect(Collectors.joining(", ")), e.getMessage()));
            }
            progress.accept("Part %d of %d done.".formatted(partNumber, plan.parts().size()));
        }
        ReviewVerdict verdict = validator.validate(findings, diff, config.review().minConfidence(), config.review().maxComments(),
                alreadyRaised);
        return new Result(plan, verdict, failedParts, usage);
    }

    List<ChatMessage> messages(Subject subject, List<FileDiff> part, int partNumber, int parts, RepoConfig config) {
        Map<String, PromptValue> values = new LinkedHashMap<>();
        values.put("repository", PromptValue.trusted(subject.repository()));
        values.put("number", PromptValue.trusted(Integer.toString(subject.number())));
        values.put("part", PromptValue.trusted(Integer.toString(partNumber)));
        values.put("parts", PromptValue.trusted(Integer.toString(parts)));
        values.put("title", PromptValue.untrusted("pull-request-title", subject.title()));
        values.put("description", PromptValue.untrusted("pull-request-description", ReviewTask.abbreviate(subject.description(), 4000)));
        String instructions = config.review().instructions();
        values.put("instructions", PromptValue.trusted(instructions.isBlank() ? "(none)" : instructions));
        values.put("diff", PromptValue.untrusted("diff", NumberedDiff.render(part)));
        return prompts.render("review", values);
    }

    /** Tokens of diff one model call may carry: the context less the answer, the prompt around the diff and 5 %. */
    private int tokensPerPart(Subject subject, RepoConfig config) {
        int context = model.contextTokens();
        int overhead = messages(subject, List.of(), 1, 1, config).stream().mapToInt(m -> model.countTokens(m.content())).sum();
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
}
