package dev.seekfix.bot.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.commands.Command;
import dev.seekfix.bot.diff.DiffLine;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.Side;
import dev.seekfix.bot.events.EventContext;
import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.github.ReviewDraft;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.ModelReply;
import dev.seekfix.bot.model.ModelRequest;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.prompts.PromptValue;
import dev.seekfix.bot.publish.Markers;
import dev.seekfix.bot.publish.Replies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /docstring}: documentation comments for changed declarations, as committable suggestions that insert the
 * comment above the declaration (the suggestion replaces the declaration line with comment plus declaration).
 */
public final class DocstringTask {
    private final CodeModel model;
    private final PromptTemplates prompts;
    private final ObjectMapper json;
    private final DiffReader diffs = new DiffReader();
    private final String schema = resource("/schemas/docstrings.schema.json");

    public DocstringTask(CodeModel model, PromptTemplates prompts, ObjectMapper json) {
        this.model = model;
        this.prompts = prompts;
        this.json = json;
    }

    public String run(EventContext ctx, PullRequest pr, Command.Docstring c, long commandCommentId) throws IOException {
        Map<String, FileDiff> diff = diffs.read(ctx.repo(), pr.number());
        int answerTokens = AnswerTask.answerTokens(model);
        DiffSelection selection = DiffSelection.select(diff, c.target(), model.contextTokens() - answerTokens - 1500, model::countTokens);
        String what = c.target().map(Command.Target::describe).orElse("the changes of this pull request");
        if (selection.isEmpty()) return "I found no changed lines in %s to document.".formatted(what);
        Map<String, PromptValue> values = new LinkedHashMap<>();
        values.put("repository", PromptValue.trusted(ctx.repo().fullName()));
        values.put("number", PromptValue.trusted(Integer.toString(pr.number())));
        values.put("title", PromptValue.untrusted("pull-request-title", pr.title()));
        values.put("target", PromptValue.trusted(what));
        values.put("diff", PromptValue.untrusted("diff", selection.rendered()));
        ModelReply reply = model.complete(ModelRequest.json(prompts.render("docstring", values), schema, answerTokens));
        List<SuggestionReview.Replacement> replacements = new ArrayList<>();
        for (JsonNode d : json.readTree(reply.text()).path("docstrings")) {
            String path = d.path("path").asText();
            int line = d.path("line").asInt();
            Optional<String> declaration = lineText(diff.get(path), line);
            String text = d.path("text").asText().stripTrailing();
            replacements.add(new SuggestionReview.Replacement(path, line, line,
                    declaration.map(decl -> text + "\n" + decl).orElse(text), "Documentation for line %d:".formatted(line)));
        }
        SuggestionReview.Split split = SuggestionReview.split(replacements, diff);
        String footer = Replies.footer(model.label(), reply.usage());
        if (!split.inline().isEmpty()) {
            String marker = Markers.answer(commandCommentId);
            boolean posted = ctx.repo().reviews(pr.number()).stream()
                    .anyMatch(r -> r.author().equalsIgnoreCase(ctx.botLogin()) && r.body().contains(marker));
            if (!posted) {
                ctx.repo().createReview(pr.number(), new ReviewDraft(pr.headSha(),
                        "Docstrings as suggestions you can commit." + footer + "\n" + marker, split.inline()));
            }
        }
        StringBuilder answer = new StringBuilder("%d docstring(s) for %s as suggestions on the diff".formatted(split.inline().size(), what));
        if (!split.elsewhere().isEmpty()) {
            answer.append("; these land outside the diff:\n\n").append(String.join("\n\n", split.elsewhere()));
        } else {
            answer.append('.');
        }
        return answer + footer;
    }

    private static Optional<String> lineText(FileDiff file, int line) {
        if (file == null) return Optional.empty();
        return file.hunks().stream().flatMap(h -> h.lines().stream())
                .filter(l -> l.commentableOn(Side.RIGHT) && l.newLine() == line).map(DiffLine::text).findFirst();
    }

    static String resource(String name) {
        try (InputStream in = DocstringTask.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " is missing from the bot jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
