package dev.seekfix.bot.publish;

import dev.seekfix.bot.github.Comment;
import dev.seekfix.bot.github.RepoClient;

import java.util.Optional;

/**
 * The answer to one command comment: in the review thread when the command was written there, else on the PR.
 * Carries the {@link Markers#answer} marker, so a re-delivered command edits its answer instead of answering twice.
 */
public final class Replies {
    private final RepoClient repo;
    private final int pr;
    private final long commandCommentId;
    private final boolean inThread;
    private final String botLogin;

    public Replies(RepoClient repo, int pr, long commandCommentId, boolean inThread, String botLogin) {
        this.repo = repo;
        this.pr = pr;
        this.commandCommentId = commandCommentId;
        this.inThread = inThread;
        this.botLogin = botLogin;
    }

    public void post(String text) {
        String marker = Markers.answer(commandCommentId);
        String body = text + "\n" + marker;
        if (inThread) {
            Optional<Comment> existing = repo.reviewComments(pr).stream()
                    .filter(c -> c.byBot(botLogin) && c.body().contains(marker)).findFirst();
            if (existing.isPresent()) {
                repo.updateReviewComment(existing.get().id(), body);
            } else {
                repo.replyToReviewComment(pr, commandCommentId, body);
            }
        } else {
            Optional<Comment> existing = repo.issueComments(pr).stream()
                    .filter(c -> c.byBot(botLogin) && c.body().contains(marker)).findFirst();
            if (existing.isPresent()) {
                repo.updateIssueComment(existing.get().id(), body);
            } else {
                repo.createIssueComment(pr, body);
            }
        }
    }

    /** The line under every model-made answer: which model, how many tokens. */
    public static String footer(String modelLabel, dev.seekfix.bot.model.TokenUsage usage) {
        return "\n\n<sub>Model: %s · %d tokens in %d call%s · seekfix</sub>".formatted(Markers.sanitize(modelLabel), usage.total(),
                usage.calls(), usage.calls() == 1 ? "" : "s");
    }
}
