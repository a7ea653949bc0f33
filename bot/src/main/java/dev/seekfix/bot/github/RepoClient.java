package dev.seekfix.bot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * The REST calls the bot makes on one repository, as one installation. The only way tasks reach GitHub
 * (operation ids from GitHub's OpenAPI description are named on each method).
 */
public final class RepoClient {
    private final GitHubRest rest;
    private final LongFunction<String> tokens;
    private final long installationId;
    private final String owner;
    private final String name;

    RepoClient(GitHubRest rest, LongFunction<String> tokens, long installationId, String fullName) {
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash == fullName.length() - 1) {
            throw new IllegalArgumentException("expected a repository as owner/name, found '" + fullName + "'");
        }
        this.rest = rest;
        this.tokens = tokens;
        this.installationId = installationId;
        this.owner = fullName.substring(0, slash);
        this.name = fullName.substring(slash + 1);
    }

    public String fullName() {
        return owner + "/" + name;
    }

    public long installationId() {
        return installationId;
    }

    private String repoPath() {
        return "/repos/" + encode(owner) + "/" + encode(name);
    }

    private String token() {
        return tokens.apply(installationId);
    }

    /** repos/get: the default branch is where config comes from. */
    public String defaultBranch() {
        return rest.get(repoPath(), token()).path("default_branch").asText("main");
    }

    /** pulls/get */
    public PullRequest pullRequest(int number) {
        return toPullRequest(rest.get(repoPath() + "/pulls/" + number, token()));
    }

    /** repos/list-pull-requests-associated-with-commit: finds PRs from forks, whose CI events carry none. */
    public List<PullRequest> pullRequestsForCommit(String sha) {
        return rest.getAll(repoPath() + "/commits/" + encode(sha) + "/pulls", token(), null).stream()
                .map(RepoClient::toPullRequest).toList();
    }

    /** pulls/list-files, every page (GitHub lists at most 3000 files). */
    public List<ChangedFile> pullRequestFiles(int number) {
        return rest.getAll(repoPath() + "/pulls/" + number + "/files", token(), null).stream()
                .map(RepoClient::toChangedFile).toList();
    }

    /** repos/compare-commits: what changed between two commits (an incremental review after a push). */
    public Comparison compare(String base, String head) {
        JsonNode node = rest.get(repoPath() + "/compare/" + encode(base) + "..." + encode(head), token());
        List<ChangedFile> files = new java.util.ArrayList<>();
        node.path("files").forEach(file -> files.add(toChangedFile(file)));
        return new Comparison(node.path("status").asText(""), files);
    }

    /** repos/get-content: a file's text at a ref, or empty when it does not exist there. */
    public Optional<String> fileContent(String path, String ref) {
        String encodedPath = Arrays.stream(path.split("/")).map(RepoClient::encode).collect(Collectors.joining("/"));
        return rest.getIfPresent(repoPath() + "/contents/" + encodedPath + "?ref=" + encode(ref), token())
                .filter(node -> node.path("type").asText("file").equals("file"))
                .map(node -> new String(Base64.getMimeDecoder().decode(node.path("content").asText("")), StandardCharsets.UTF_8));
    }

    /** repos/get-collaborator-permission-level: admin, write, read or none (maintain reads as write). */
    public String permissionOf(String login) {
        return rest.getIfPresent(repoPath() + "/collaborators/" + encode(login) + "/permission", token())
                .map(node -> node.path("permission").asText("none"))
                .orElse("none");
    }

    /** pulls/list-reviews */
    public List<Review> reviews(int number) {
        return rest.getAll(repoPath() + "/pulls/" + number + "/reviews", token(), null).stream()
                .map(node -> new Review(node.path("id").asLong(), node.path("body").asText(""),
                        node.path("user").path("login").asText(""), node.path("commit_id").asText(""),
                        node.path("state").asText("")))
                .toList();
    }

    /** pulls/list-review-comments: every inline comment on the PR. */
    public List<Comment> reviewComments(int number) {
        return rest.getAll(repoPath() + "/pulls/" + number + "/comments", token(), null).stream()
                .map(RepoClient::toComment).toList();
    }

    /** pulls/create-review, always {@code event: COMMENT}. */
    public Review createReview(int number, ReviewDraft draft) {
        ObjectNode body = rest.json().createObjectNode();
        body.put("commit_id", draft.commitId());
        body.put("body", draft.body());
        body.put("event", "COMMENT");
        ArrayNode comments = body.putArray("comments");
        for (ReviewDraft.InlineComment c : draft.comments()) {
            ObjectNode comment = comments.addObject();
            comment.put("path", c.path());
            comment.put("body", c.body());
            comment.put("line", c.line());
            comment.put("side", c.side());
            if (c.startLine() != null) {
                comment.put("start_line", c.startLine());
                comment.put("start_side", c.side());
            }
        }
        JsonNode node = rest.post(repoPath() + "/pulls/" + number + "/reviews", body, token());
        return new Review(node.path("id").asLong(), node.path("body").asText(""), node.path("user").path("login").asText(""),
                node.path("commit_id").asText(""), node.path("state").asText(""));
    }

    /** pulls/update-review: replaces a review's body. */
    public void updateReviewBody(int number, long reviewId, String body) {
        rest.put(repoPath() + "/pulls/" + number + "/reviews/" + reviewId, rest.json().createObjectNode().put("body", body), token());
    }

    /** issues/list-comments */
    public List<Comment> issueComments(int number) {
        return rest.getAll(repoPath() + "/issues/" + number + "/comments", token(), null).stream()
                .map(RepoClient::toComment).toList();
    }

    /** issues/create-comment */
    public Comment createIssueComment(int number, String body) {
        return toComment(rest.post(repoPath() + "/issues/" + number + "/comments",
                rest.json().createObjectNode().put("body", body), token()));
    }

    /** issues/update-comment */
    public void updateIssueComment(long commentId, String body) {
        rest.patch(repoPath() + "/issues/comments/" + commentId, rest.json().createObjectNode().put("body", body), token());
    }

    /** pulls/create-reply-for-review-comment: an answer in a review thread. */
    public Comment replyToReviewComment(int number, long commentId, String body) {
        return toComment(rest.post(repoPath() + "/pulls/" + number + "/comments/" + commentId + "/replies",
                rest.json().createObjectNode().put("body", body), token()));
    }

    /** pulls/update-review-comment */
    public void updateReviewComment(long commentId, String body) {
        rest.patch(repoPath() + "/pulls/comments/" + commentId, rest.json().createObjectNode().put("body", body), token());
    }

    /** reactions/create-for-issue-comment: the 👀 acknowledgement. */
    public void reactToIssueComment(long commentId, String content) {
        rest.post(repoPath() + "/issues/comments/" + commentId + "/reactions",
                rest.json().createObjectNode().put("content", content), token());
    }

    /** reactions/create-for-pull-request-review-comment */
    public void reactToReviewComment(long commentId, String content) {
        rest.post(repoPath() + "/pulls/comments/" + commentId + "/reactions",
                rest.json().createObjectNode().put("content", content), token());
    }

    /** pulls/update: the body, where {@code /describe} keeps its marked section. */
    public void updatePullRequestBody(int number, String body) {
        rest.patch(repoPath() + "/pulls/" + number, rest.json().createObjectNode().put("body", body), token());
    }

    /** checks/list-for-ref filtered by name: finds our own check run for a head again. */
    public Optional<CheckRun> checkRun(String headSha, String checkName) {
        return rest.getAll(repoPath() + "/commits/" + encode(headSha) + "/check-runs?check_name=" + encode(checkName),
                        token(), "check_runs").stream()
                .map(RepoClient::toCheckRun).findFirst();
    }

    /** checks/create with status in_progress. */
    public CheckRun startCheckRun(String headSha, String checkName, String title, String summary) {
        ObjectNode body = rest.json().createObjectNode();
        body.put("name", checkName);
        body.put("head_sha", headSha);
        body.put("status", "in_progress");
        body.putObject("output").put("title", title).put("summary", summary);
        return toCheckRun(rest.post(repoPath() + "/check-runs", body, token()));
    }

    /** checks/update: progress while in progress, or the final conclusion and summary. */
    public void updateCheckRun(long id, Optional<String> conclusion, String title, String summary) {
        ObjectNode body = rest.json().createObjectNode();
        if (conclusion.isPresent()) {
            body.put("status", "completed");
            body.put("conclusion", conclusion.get());
        } else {
            body.put("status", "in_progress");
        }
        body.putObject("output").put("title", title).put("summary", truncate(summary, 65_000));
        rest.patch(repoPath() + "/check-runs/" + id, body, token());
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 40) + "\n\n… (truncated by seekfix)";
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static PullRequest toPullRequest(JsonNode node) {
        JsonNode head = node.path("head");
        JsonNode base = node.path("base");
        return new PullRequest(node.path("number").asInt(), node.path("title").asText(""), node.path("body").asText(""),
                node.path("state").asText(""), node.path("draft").asBoolean(false),
                head.path("sha").asText(""), head.path("ref").asText(""), head.path("repo").path("full_name").asText(""),
                base.path("sha").asText(""), base.path("ref").asText(""),
                node.path("user").path("login").asText(""), node.path("user").path("type").asText("User"));
    }

    static ChangedFile toChangedFile(JsonNode node) {
        JsonNode patch = node.get("patch");
        JsonNode previous = node.get("previous_filename");
        return new ChangedFile(node.path("filename").asText(),
                previous == null || previous.isNull() ? Optional.empty() : Optional.of(previous.asText()),
                node.path("status").asText("modified"), node.path("additions").asInt(), node.path("deletions").asInt(),
                patch == null || patch.isNull() ? Optional.empty() : Optional.of(patch.asText()));
    }

    static Comment toComment(JsonNode node) {
        JsonNode path = node.get("path");
        return new Comment(node.path("id").asLong(), node.path("body").asText(""), node.path("user").path("login").asText(""),
                node.path("user").path("type").asText("User"), path == null || path.isNull() ? null : path.asText(),
                node.path("line").asInt(0), node.path("pull_request_review_id").asLong(0));
    }

    static CheckRun toCheckRun(JsonNode node) {
        return new CheckRun(node.path("id").asLong(), node.path("name").asText(""), node.path("head_sha").asText(""),
                node.path("status").asText(""));
    }
}
