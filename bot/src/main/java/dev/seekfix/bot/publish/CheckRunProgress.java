package dev.seekfix.bot.publish;

import dev.seekfix.bot.github.CheckRun;
import dev.seekfix.bot.github.GitHubApiException;
import dev.seekfix.bot.github.RepoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The review's check run: {@code in_progress} while parts are reviewed, {@code completed} with the summary at the
 * end (quiet output users prefer to comments for routine results). A re-run for the same head reuses the check
 * run. Check runs are progress reporting only: a repository where the App lacks {@code checks:write} still gets
 * its review.
 */
public final class CheckRunProgress {
    private static final Logger log = LoggerFactory.getLogger(CheckRunProgress.class);

    private final RepoClient repo;
    private final Long id;

    private CheckRunProgress(RepoClient repo, Long id) {
        this.repo = repo;
        this.id = id;
    }

    public static CheckRunProgress start(RepoClient repo, String headSha, String summary) {
        try {
            Optional<CheckRun> existing = repo.checkRun(headSha, Markers.checkRunName());
            if (existing.isPresent()) {
                repo.updateCheckRun(existing.get().id(), Optional.empty(), "Reviewing…", summary);
                return new CheckRunProgress(repo, existing.get().id());
            }
            return new CheckRunProgress(repo, repo.startCheckRun(headSha, Markers.checkRunName(), "Reviewing…", summary).id());
        } catch (GitHubApiException e) {
            if (e.retryable()) throw e;
            log.warn("no check run for this review: {}", e.getMessage());
            return new CheckRunProgress(repo, null);
        }
    }

    public void progress(String summary) {
        update(Optional.empty(), "Reviewing…", summary);
    }

    public void complete(String conclusion, String title, String summary) {
        update(Optional.of(conclusion), title, summary);
    }

    private void update(Optional<String> conclusion, String title, String summary) {
        if (id == null) return;
        try {
            repo.updateCheckRun(id, conclusion, title, summary);
        } catch (GitHubApiException e) {
            if (e.retryable()) throw e;
            log.warn("could not update check run {}: {}", id, e.getMessage());
        }
    }
}
