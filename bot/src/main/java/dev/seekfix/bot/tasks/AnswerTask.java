package dev.seekfix.bot.tasks;

import dev.seekfix.bot.commands.Command;
import dev.seekfix.bot.diff.FileDiff;
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
 * The commands answered in prose with code blocks: {@code /explain}, {@code /ask}, {@code /test},
 * {@code /translate}. Each has its prompt under {@code prompts/<name>/}; the answer names the model and its tokens.
 */
public final class AnswerTask {
    private final CodeModel model;
    private final PromptTemplates prompts;
    private final DiffReader diffs = new DiffReader();

    public AnswerTask(CodeModel model, PromptTemplates prompts) {
        this.model = model;
        this.prompts = prompts;
    }

    public String explain(EventContext ctx, PullRequest pr, Command.Explain c) {
        return answer(ctx, pr, "explain", c.target(), Map.of());
    }

    public String ask(EventContext ctx, PullRequest pr, Command.Ask c) {
        return answer(ctx, pr, "ask", c.target(), Map.of("question", PromptValue.untrusted("question", c.question())));
    }

    public String tests(EventContext ctx, PullRequest pr, Command.WriteTests c) {
        return answer(ctx, pr, "tests", c.target(), Map.of());
    }

    public String translate(EventContext ctx, PullRequest pr, Command.Translate c) {
        return answer(ctx, pr, "translate", c.target(), Map.of("language", PromptValue.untrusted("language", c.language())));
    }

    private String answer(EventContext ctx, PullRequest pr, String task, Optional<Command.Target> target, Map<String, PromptValue> extra) {
        Map<String, FileDiff> diff = diffs.read(ctx.repo(), pr.number());
        int answerTokens = answerTokens(model);
        DiffSelection selection = DiffSelection.select(diff, target, model.contextTokens() - answerTokens - 1500, model::countTokens);
        String what = target.map(Command.Target::describe).orElse("the changes of this pull request");
        if (selection.isEmpty()) {
            return "I found no changed lines in %s in this pull request, so there is nothing to %s.".formatted(what, task);
        }
        Map<String, PromptValue> values = new LinkedHashMap<>(extra);
        values.put("repository", PromptValue.trusted(ctx.repo().fullName()));
        values.put("number", PromptValue.trusted(Integer.toString(pr.number())));
        values.put("title", PromptValue.untrusted("pull-request-title", pr.title()));
        values.put("target", PromptValue.trusted(what));
        values.put("diff", PromptValue.untrusted("diff", selection.rendered()));
        ModelReply reply = model.complete(ModelRequest.text(prompts.render(task, values), answerTokens));
        String omitted = selection.omitted().isEmpty() ? ""
                : "\n\n_Left out to fit the model's context: %s._".formatted(String.join(", ", selection.omitted()));
        return Markers.sanitize(reply.text().strip()) + omitted + Replies.footer(model.label(), reply.usage());
    }

    static int answerTokens(CodeModel model) {
        return Math.max(256, Math.min(2048, model.contextTokens() / 4));
    }
}
