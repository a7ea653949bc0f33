package dev.seekfix.bot.fix;

import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.github.RepoClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The open pull requests whose head is the commit a CI result is for. The event's {@code pull_requests[]} is used
 * when it names any; it is empty for PRs from forks, which are found through
 * {@code GET /repos/{o}/{r}/commits/{sha}/pulls} (GITHUB.md, "CI events").
 */
public final class PullRequestFinder {

    public List<PullRequest> find(RepoClient repo, FixTrigger trigger) {
        List<PullRequest> found = new ArrayList<>();
        if (!trigger.pullNumbers().isEmpty()) {
            for (int number : trigger.pullNumbers()) found.add(repo.pullRequest(number));
        } else {
            found.addAll(repo.pullRequestsForCommit(trigger.headSha()));
        }
        return found.stream()
                .filter(pr -> pr.state().equals("open") && pr.headSha().equals(trigger.headSha()))
                .toList();
    }
}
