package dev.seekfix.bot.tasks;

import dev.seekfix.bot.events.EventContext;
import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.ModelReply;
import dev.seekfix.bot.model.ModelRequest;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.prompts.PromptValue;
import dev.seekfix.bot.publish.Markers;
import dev.seekfix.bot.publish.Replies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /describe}: writes a description and walkthrough into its own marked section of the PR body, replacing
 * that section on later runs and leaving the author's text untouched.
 */
public final class DescribeTask {
    private final CodeModel model;
    private final PromptTemplates prompts;
    private final DiffReader diffs = new DiffReader();

    public DescribeTask(CodeModel model, PromptTemplates prompts) {
        this.model = model;
        this.prompts = prompts;
    }

    public String run(EventContext ctx, PullRequest pr) {
        int answerTokens = AnswerTask.answerTokens(model);
        DiffSelection selection = DiffSelection.select(diffs.read(ctx.repo(), pr.number()), Optional.empty(),
                model.contextTokens() - answerTokens - 1500, model::countTokens);
        Map<String, PromptValue> values = new LinkedHashMap<>();
        values.put("repository", PromptValue.trusted(ctx.repo().fullName()));
        values.put("number", PromptValue.trusted(Integer.toString(pr.number())));
        values.put("title", PromptValue.untrusted("pull-request-title", pr.title()));
        values.put("description", PromptValue.untrusted("pull-request-description", ReviewTask.abbreviate(
                withoutSection(pr.body()), 4000)));
        values.put("diff", PromptValue.untrusted("diff", selection.rendered()));
        ModelReply reply = model.complete(ModelRequest.text(prompts.render("describe", values), answerTokens));
        String omitted = selection.omitted().isEmpty() ? ""
                : "\n\n_Not described (over the model's context): %s._".formatted(String.join(", ", selection.omitted()));
        String section = Markers.DESCRIBE_START + "\n## Description by seekfix\n\n" + Markers.sanitize(reply.text().strip())
                + omitted + Replies.footer(model.label(), reply.usage()) + "\n" + Markers.DESCRIBE_END;
        ctx.repo().updatePullRequestBody(pr.number(), withSection(pr.body(), section));
        return "I updated the description of this pull request (the section marked as written by seekfix)."
                + Replies.footer(model.label(), reply.usage());
    }

    static String withSection(String body, String section) {
        int start = body.indexOf(Markers.DESCRIBE_START);
        int end = body.indexOf(Markers.DESCRIBE_END);
        if (start >= 0 && end > start) {
            return body.substring(0, start) + section + body.substring(end + Markers.DESCRIBE_END.length());
        }
        return body.isBlank() ? section : body.stripTrailing() + "\n\n" + section;
    }

    static String withoutSection(String body) {
        int start = body.indexOf(Markers.DESCRIBE_START);
        int end = body.indexOf(Markers.DESCRIBE_END);
        return start >= 0 && end > start ? body.substring(0, start) + body.substring(end + Markers.DESCRIBE_END.length()) : body;
    }
}
