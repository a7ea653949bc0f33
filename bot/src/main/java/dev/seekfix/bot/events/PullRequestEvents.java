package dev.seekfix.bot.events;

import dev.seekfix.bot.config.RepoConfig;
import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.tasks.ReviewTask;
import dev.seekfix.bot.tasks.ReviewTrigger;
import dev.seekfix.webhooks.queue.Outcome;
import org.slf4j.MDC;

/** {@code pull_request} events: automatic reviews, honouring config, drafts, pauses and stale deliveries. */
public final class PullRequestEvents {
    private final ReviewTask review;

    public PullRequestEvents(ReviewTask review) {
        this.review = review;
    }

    /** opened, reopened, ready_for_review. */
    public Outcome opened(EventContext ctx) {
        return reviewIfWanted(ctx, new ReviewTrigger.Opened());
    }

    /** synchronize: review what the push added. */
    public Outcome pushed(EventContext ctx) {
        String before = ctx.payload().path("before").asText("");
        String after = ctx.payload().path("after").asText("");
        return reviewIfWanted(ctx, new ReviewTrigger.Pushed(before, after));
    }

    private Outcome reviewIfWanted(EventContext ctx, ReviewTrigger trigger) {
        int number = ctx.payload().path("pull_request").path("number").asInt(ctx.payload().path("number").asInt());
        if (number == 0) return new Outcome.PermanentFailure("pull_request payload without a number");
        MDC.put("pr", Integer.toString(number));
        PullRequest pr = ctx.repo().pullRequest(number);
        if (!pr.state().equals("open")) return new Outcome.Ignored("#%d is %s".formatted(number, pr.state()));
        ConfigNotice.postOnce(ctx, number);
        RepoConfig.Review config = ctx.config().config().review();
        if (trigger instanceof ReviewTrigger.Pushed pushed) {
            if (config.onPush() == RepoConfig.OnPush.OFF) return new Outcome.Ignored("review.on_push is off");
            if (!pushed.after().isEmpty() && !pushed.after().equals(pr.headSha())) {
                return new Outcome.Ignored("#%d moved on to %s; that push's delivery reviews it".formatted(number, pr.headSha()));
            }
        } else if (!config.auto()) {
            return new Outcome.Ignored("review.auto is false; comment /review to ask for one");
        }
        if (pr.draft() && !config.drafts()) return new Outcome.Ignored("#%d is a draft (review.drafts is false)".formatted(number));
        if (PauseState.paused(ctx.repo(), number, ctx.botLogin())) return new Outcome.Ignored("reviews are paused on #" + number);
        return review.run(ctx, pr, trigger);
    }
}
