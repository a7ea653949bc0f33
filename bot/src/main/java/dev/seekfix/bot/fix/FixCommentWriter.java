package dev.seekfix.bot.fix;

import dev.seekfix.bot.github.Comment;
import dev.seekfix.bot.github.RepoClient;
import java.util.Optional;

/** Posts a check's fix comment, or updates the one seekfix posted before (found by its marker). */
final class FixCommentWriter {

    private FixCommentWriter() {
    }

    static void upsert(RepoClient repo, String botLogin, int pr, String checkName, String body) {
        String marker = FixComment.marker(pr, checkName);
        Optional<Comment> existing = repo.issueComments(pr).stream()
                .filter(c -> c.byBot(botLogin) && c.body().contains(marker)).findFirst();
        if (existing.isPresent()) repo.updateIssueComment(existing.get().id(), body);
        else repo.createIssueComment(pr, body);
    }
}
