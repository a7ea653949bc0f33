package dev.seekfix.bot.publish;

import dev.seekfix.bot.answers.Finding;
import dev.seekfix.bot.github.GitHubApiException;
import dev.seekfix.bot.github.RepoClient;
import dev.seekfix.bot.github.Review;
import dev.seekfix.bot.github.ReviewDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Publishes one batched review per pass (one request, one notification). A pass for a head that already has a
 * seekfix review updates that review's body when nothing new is to be said, instead of posting it again. If GitHub
 * still refuses an inline comment (422), the review is posted once more with those comments moved into the body:
 * the review is never lost to one bad line.
 */
public final class ReviewPublisher {
    private static final Logger log = LoggerFactory.getLogger(ReviewPublisher.class);

    /** What happened. */
    public sealed interface Result {
        record Posted(long reviewId, int inlineComments) implements Result {
        }

        record PostedWithoutInline(long reviewId, String refusal) implements Result {
        }

        record Updated(long reviewId) implements Result {
        }
    }

    private final String botLogin;

    public ReviewPublisher(String botLogin) {
        this.botLogin = botLogin;
    }

    public Optional<Review> existing(RepoClient repo, int pr, String headSha) {
        String marker = Markers.review(pr, headSha);
        return repo.reviews(pr).stream()
                .filter(r -> r.author().equalsIgnoreCase(botLogin) && r.body().contains(marker))
                .findFirst();
    }

    public Result publish(RepoClient repo, ReviewSummary summary) {
        String body = ReviewBody.render(summary);
        List<Finding> inline = summary.verdict().inline();
        Optional<Review> existing = existing(repo, summary.pr(), summary.headSha());
        if (existing.isPresent() && inline.isEmpty()) {
            repo.updateReviewBody(summary.pr(), existing.get().id(), body);
            return new Result.Updated(existing.get().id());
        }
        List<ReviewDraft.InlineComment> comments = inline.stream()
                .map(f -> new ReviewDraft.InlineComment(f.path(), f.startLine(), f.line(), f.side().name(), ReviewBody.comment(f)))
                .toList();
        try {
            Review review = repo.createReview(summary.pr(), new ReviewDraft(summary.headSha(), body, comments));
            return new Result.Posted(review.id(), comments.size());
        } catch (GitHubApiException e) {
            if (e.status() != 422 || comments.isEmpty()) throw e;
            log.warn("GitHub refused the review's inline comments ({}); posting them in the body instead", e.getMessage());
            StringBuilder fallback = new StringBuilder(body).append("\n#### Comments GitHub did not accept on diff lines\n");
            for (Finding f : inline) {
                fallback.append("\n---\n`%s:%d`\n\n".formatted(f.path(), f.line())).append(ReviewBody.comment(f)).append('\n');
            }
            Review review = repo.createReview(summary.pr(), new ReviewDraft(summary.headSha(), fallback.toString(), List.of()));
            return new Result.PostedWithoutInline(review.id(), e.getMessage());
        }
    }
}
