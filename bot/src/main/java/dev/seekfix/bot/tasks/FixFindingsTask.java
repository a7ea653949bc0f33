package dev.seekfix.bot.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.commands.Command;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.events.CiFailureFixer;
import dev.seekfix.bot.events.EventContext;
import dev.seekfix.bot.github.Comment;
import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.github.Review;
import dev.seekfix.bot.github.ReviewDraft;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.ModelReply;
import dev.seekfix.bot.model.ModelRequest;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.prompts.PromptValue;
import dev.seekfix.bot.publish.Markers;
import dev.seekfix.bot.publish.Replies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /fix}: fixes for the findings of seekfix's last review of the PR, as committable suggestions (on a review
 * thread: that thread's finding only), then hands over to the CI fixer for failing checks.
 */
public final class FixFindingsTask {
    private final CodeModel model;
    private final PromptTemplates prompts;
    private final ObjectMapper json;
    private final CiFailureFixer ciFixer;
    private final DiffReader diffs = new DiffReader();
    private final String schema = DocstringTask.resource("/schemas/fixes.schema.json");

    public FixFindingsTask(CodeModel model, PromptTemplates prompts, ObjectMapper json, CiFailureFixer ciFixer) {
        this.model = model;
        this.prompts = prompts;
        this.json = json;
        this.ciFixer = ciFixer;
    }

    public String run(EventContext ctx, PullRequest pr, Command.Fix c, long commandCommentId) throws Exception {
        StringBuilder answer = new StringBuilder(fixFindings(ctx, pr, c, commandCommentId));
        Optional<String> ci = ciFixer.onFixCommand(ctx, pr);
        ci.ifPresent(text -> answer.append("\n\n").append(text));
        return answer.toString();
    }

    private String fixFindings(EventContext ctx, PullRequest pr, Command.Fix c, long commandCommentId) throws Exception {
        Optional<Review> last = ctx.repo().reviews(pr.number()).stream()
                .filter(r -> r.author().equalsIgnoreCase(ctx.botLogin()) && Markers.isReview(r.body(), pr.number()))
                .max(Comparator.comparingLong(Review::id));
        if (last.isEmpty()) return "There is no seekfix review on this pull request yet: run `/review` first.";
        List<Comment> findings = ctx.repo().reviewComments(pr.number()).stream()
                .filter(comment -> comment.byBot(ctx.botLogin()) && comment.reviewId() == last.get().id()
                        && !Markers.fingerprints(comment.body()).isEmpty())
                .filter(comment -> c.target().map(t -> t.path().equals(comment.path())
                        && t.startLine().map(s -> comment.line() >= s && comment.line() <= t.endLine().orElse(s)).orElse(true)).orElse(true))
                .toList();
        if (findings.isEmpty()) return "The last seekfix review has no inline findings to fix here.";
        Map<String, FileDiff> diff = diffs.read(ctx.repo(), pr.number());
        int answerTokens = AnswerTask.answerTokens(model);
        DiffSelection selection = DiffSelection.select(diff, Optional.empty(), model.contextTokens() - answerTokens - 2500, model::countTokens);
        StringBuilder listed = new StringBuilder();
        for (Comment f : findings) {
            listed.append("- %s line %d: %s\n".formatted(f.path(), f.line(), firstParagraph(f.body())));
        }
        Map<String, PromptValue> values = new LinkedHashMap<>();
        values.put("repository", PromptValue.trusted(ctx.repo().fullName()));
        values.put("number", PromptValue.trusted(Integer.toString(pr.number())));
        values.put("title", PromptValue.untrusted("pull-request-title", pr.title()));
        values.put("findings", PromptValue.untrusted("findings", listed.toString()));
        values.put("diff", PromptValue.untrusted("diff", selection.rendered()));
        ModelReply reply = model.complete(ModelRequest.json(prompts.render("fix", values), schema, answerTokens));
        List<SuggestionReview.Replacement> replacements = new ArrayList<>();
        for (JsonNode fix : json.readTree(reply.text()).path("fixes")) {
            replacements.add(new SuggestionReview.Replacement(fix.path("path").asText(), fix.path("start_line").asInt(),
                    fix.path("line").asInt(), fix.path("replacement").asText(), fix.path("explanation").asText()));
        }
        SuggestionReview.Split split = SuggestionReview.split(replacements, diff);
        String footer = Replies.footer(model.label(), reply.usage());
        if (!split.inline().isEmpty()) {
            String marker = Markers.answer(commandCommentId);
            boolean posted = ctx.repo().reviews(pr.number()).stream()
                    .anyMatch(r -> r.author().equalsIgnoreCase(ctx.botLogin()) && r.body().contains(marker));
            if (!posted) {
                ctx.repo().createReview(pr.number(), new ReviewDraft(pr.headSha(),
                        "Fixes for the last review's findings, as suggestions you can commit." + footer + "\n" + marker, split.inline()));
            }
        }
        StringBuilder answer = new StringBuilder("%d fix(es) for %d finding(s) as suggestions on the diff"
                .formatted(split.inline().size(), findings.size()));
        if (!split.elsewhere().isEmpty()) {
            answer.append("; these do not fit on diff lines:\n\n").append(String.join("\n\n", split.elsewhere()));
        } else {
            answer.append('.');
        }
        return answer + footer;
    }

    private static String firstParagraph(String body) {
        String text = body.replaceAll("<!--.*?-->", "").strip();
        int cut = text.indexOf("\n\n", text.indexOf("\n\n") + 2);
        return (cut > 0 ? text.substring(0, cut) : text).replace("\n", " ");
    }
}
