package dev.seekfix.bot.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seekfix.bot.commands.Command;
import dev.seekfix.bot.commands.CommandParser;
import dev.seekfix.bot.commands.TriggerPolicy;
import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.publish.Markers;
import dev.seekfix.bot.publish.Replies;
import dev.seekfix.bot.tasks.AnswerTask;
import dev.seekfix.bot.tasks.DescribeTask;
import dev.seekfix.bot.tasks.DocstringTask;
import dev.seekfix.bot.tasks.FixFindingsTask;
import dev.seekfix.bot.tasks.ReviewTask;
import dev.seekfix.bot.tasks.ReviewTrigger;
import dev.seekfix.webhooks.queue.Outcome;
import org.slf4j.MDC;

import java.util.Optional;

/**
 * {@code issue_comment} and {@code pull_request_review_comment} created: parse the command, acknowledge it with 👀
 * at once, check who asked, run the task, answer.
 */
public final class CommandEvents {

    /** The tasks commands run. */
    public record Tasks(ReviewTask review, AnswerTask answers, DescribeTask describe, DocstringTask docstring,
                        FixFindingsTask fix) {
    }

    private final Tasks tasks;
    private final TriggerPolicy policy = new TriggerPolicy();

    public CommandEvents(Tasks tasks) {
        this.tasks = tasks;
    }

    public Outcome issueComment(EventContext ctx) throws Exception {
        JsonNode issue = ctx.payload().path("issue");
        if (issue.path("pull_request").isMissingNode()) return new Outcome.Ignored("comment on an issue, not a pull request");
        return handle(ctx, issue.path("number").asInt(), Optional.empty());
    }

    public Outcome reviewComment(EventContext ctx) throws Exception {
        JsonNode comment = ctx.payload().path("comment");
        int line = comment.path("line").isNull() || comment.path("line").isMissingNode()
                ? comment.path("original_line").asInt() : comment.path("line").asInt();
        JsonNode start = comment.path("start_line");
        Optional<Integer> startLine = start.isNumber() ? Optional.of(start.asInt()) : Optional.of(line);
        Command.Target thread = new Command.Target(comment.path("path").asText(), startLine, Optional.of(line));
        return handle(ctx, ctx.payload().path("pull_request").path("number").asInt(), Optional.of(thread));
    }

    private Outcome handle(EventContext ctx, int number, Optional<Command.Target> thread) throws Exception {
        JsonNode comment = ctx.payload().path("comment");
        String body = comment.path("body").asText("");
        if (body.contains("<!-- seekfix:")) return new Outcome.Ignored("comment carries a seekfix marker");
        String slug = ctx.botLogin().replace("[bot]", "");
        Optional<Command> parsed = new CommandParser(slug).parse(body, thread);
        if (parsed.isEmpty()) return new Outcome.Ignored("no command in the comment");
        MDC.put("pr", Integer.toString(number));
        long commentId = comment.path("id").asLong();
        boolean inThread = thread.isPresent();
        if (inThread) {
            ctx.repo().reactToReviewComment(commentId, "eyes");
        } else {
            ctx.repo().reactToIssueComment(commentId, "eyes");
        }
        Replies replies = new Replies(ctx.repo(), number, commentId, inThread, ctx.botLogin());
        Command command = parsed.get();
        String login = comment.path("user").path("login").asText();
        ConfigNotice.postOnce(ctx, number);
        Optional<String> refusal = policy.refusal(command, login, comment.path("author_association").asText("NONE"),
                ctx.config().config(), ctx.repo());
        if (refusal.isPresent()) {
            replies.post(refusal.get());
            return new Outcome.Done("refused %s for %s".formatted(name(command), login));
        }
        PullRequest pr = ctx.repo().pullRequest(number);
        String reply = switch (command) {
            case Command.Review r -> {
                tasks.review().run(ctx, pr, new ReviewTrigger.Requested());
                yield null; // the review is the answer
            }
            case Command.Describe d -> tasks.describe().run(ctx, pr);
            case Command.Explain e -> tasks.answers().explain(ctx, pr, e);
            case Command.Ask a -> tasks.answers().ask(ctx, pr, a);
            case Command.WriteTests t -> tasks.answers().tests(ctx, pr, t);
            case Command.Translate t -> tasks.answers().translate(ctx, pr, t);
            case Command.Docstring d -> tasks.docstring().run(ctx, pr, d, commentId);
            case Command.Fix f -> tasks.fix().run(ctx, pr, f, commentId);
            case Command.ShowConfig s -> "Configuration in use, from %s:\n\n```yaml\n%s```%s".formatted(ctx.config().source(),
                    ConfigNotice.yaml(ctx.config().config()),
                    ctx.config().problem().map(p -> "\n\nThe file is invalid: " + p).orElse(""));
            case Command.Help h -> HelpText.full(slug);
            case Command.Pause p -> "Automatic reviews are paused on this pull request; `/resume` restarts them, `/review` still works.\n"
                    + Markers.state(true);
            case Command.Resume r -> "Automatic reviews are back on for this pull request.\n" + Markers.state(false);
            case Command.Unknown u -> HelpText.unknown(u.problem());
        };
        if (reply != null) replies.post(reply);
        return new Outcome.Done("%s on #%d for %s".formatted(name(command), number, login));
    }

    private static String name(Command command) {
        return command.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
