package dev.seekfix.bot.fix;

import dev.seekfix.bot.ci.Diagnosis;
import dev.seekfix.bot.config.RepoConfig;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.github.RepoClient;
import dev.seekfix.bot.github.ReviewDraft;
import dev.seekfix.bot.publish.Fences;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes a checked fix by {@code fix.mode}: {@code suggest} → one review of committable suggestions when every
 * change lies inside the PR's diff, else the patch in the comment; {@code pull_request} → branch
 * {@code seekfix/fix-<sha>} with one commit and a PR into the PR's branch; {@code commit} → one commit onto the PR's
 * branch, fast-forward only, when allowed. A fork's branch cannot be written by the App, so forks get suggestions.
 * Every step looks for its earlier result first, so a retried delivery does not publish twice.
 */
public final class FixPublisher {

    static final int MAX_SUGGESTIONS = 10;

    /** What the publisher needs about the attempt. */
    public record Request(PullRequest pr, Diagnosis diagnosis, CheckedPatch patch, String explanation,
                          RepoConfig.FixMode mode, boolean commitAllowed, Map<String, FileDiff> prDiff) {
    }

    public Publication publish(RepoClient repo, GitData git, String botLogin, Request r) {
        boolean fork = r.pr().fromFork(repo.fullName());
        return switch (r.mode()) {
            case SUGGEST -> suggest(repo, botLogin, r, "");
            case PULL_REQUEST -> fork
                    ? suggest(repo, botLogin, r, "seekfix cannot open a pull request into a fork's branch")
                    : pullRequest(repo, git, r);
            case COMMIT -> {
                if (fork) yield suggest(repo, botLogin, r, "seekfix cannot push to a fork's branch");
                if (!r.commitAllowed()) {
                    yield suggest(repo, botLogin, r, "`fix.mode: commit` needs `/fix` from someone with write permission");
                }
                yield commit(git, r).orElseGet(() ->
                        new Publication.PatchInComment("the branch moved while seekfix worked, so nothing was pushed"));
            }
        };
    }

    private Publication suggest(RepoClient repo, String botLogin, Request r, String note) {
        Optional<List<SuggestionPlan.Suggestion>> plan = SuggestionPlan.plan(r.patch(), r.prDiff(), MAX_SUGGESTIONS);
        if (plan.isEmpty()) {
            String why = "some changed lines lie outside this pull request's diff, where GitHub takes no suggestions";
            return new Publication.PatchInComment(note.isEmpty() ? why : note + "; " + why);
        }
        String marker = FixComment.suggestionsMarker(r.pr().number(), r.pr().headSha(), r.diagnosis().job());
        boolean posted = repo.reviews(r.pr().number()).stream()
                .anyMatch(review -> review.author().equalsIgnoreCase(botLogin) && review.body().contains(marker));
        if (!posted) {
            List<ReviewDraft.InlineComment> comments = plan.get().stream()
                    .map(s -> new ReviewDraft.InlineComment(s.path(), s.startLine() < s.line() ? s.startLine() : null,
                            s.line(), "RIGHT", "seekfix's fix for `" + r.diagnosis().job().replace("`", "'") + "`:\n\n"
                            + Fences.suggestion(s.replacement())))
                    .toList();
            repo.createReview(r.pr().number(), new ReviewDraft(r.pr().headSha(),
                    "A fix for the failing check `" + r.diagnosis().job().replace("`", "'")
                            + "`: the explanation is in seekfix's comment on this pull request.\n" + marker, comments));
        }
        return new Publication.Suggested(plan.get().size(), note);
    }

    private Publication pullRequest(RepoClient repo, GitData git, Request r) {
        String branch = FixLoopGuard.BRANCH_PREFIX + r.pr().headSha().substring(0, Math.min(12, r.pr().headSha().length()));
        String owner = repo.fullName().substring(0, repo.fullName().indexOf('/'));
        Optional<GitData.OpenedPullRequest> open = git.openPullRequest(owner, branch);
        if (open.isPresent()) return new Publication.FixPullRequest(open.get().number(), open.get().url(), branch);
        if (git.branchSha(branch).isEmpty()) {
            String commit = FixCommits.create(git, r.pr(), r.patch(), r.diagnosis(), r.explanation());
            git.createBranch(branch, commit);
        }
        String body = "Fixes the failing check `" + r.diagnosis().job().replace("`", "'") + "` of #" + r.pr().number()
                + ". Merge this into `" + r.pr().headRef() + "` to apply it; seekfix's comment on #" + r.pr().number()
                + " explains it.";
        GitData.OpenedPullRequest created = git.createPullRequest("seekfix: fix " + r.diagnosis().job() + " for #"
                + r.pr().number(), branch, r.pr().headRef(), body);
        return new Publication.FixPullRequest(created.number(), created.url(), branch);
    }

    private Optional<Publication> commit(GitData git, Request r) {
        String commit = FixCommits.create(git, r.pr(), r.patch(), r.diagnosis(), r.explanation());
        if (!git.fastForward(r.pr().headRef(), commit)) return Optional.empty();
        return Optional.of(new Publication.Committed(commit, r.pr().headRef()));
    }
}
