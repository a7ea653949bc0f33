package dev.seekfix.bot.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.bot.github.GitHubApiException;
import dev.seekfix.bot.github.GitHubRest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The git data and pull request calls that publish a fix on one repository as one installation: blobs, trees,
 * commits and refs (one commit per fix, made without a clone), and pull requests (operation ids on each method).
 */
public final class GitData {

    /** One entry of a tree listing. @param mode e.g. {@code 100644}, {@code 100755}; @param type blob, tree, commit */
    public record TreeEntry(String path, String mode, String type) {
    }

    /** A tree listing; {@code truncated} when GitHub cut it (very large repositories). */
    public record Tree(List<TreeEntry> entries, boolean truncated) {
        public Tree {
            entries = List.copyOf(entries);
        }
    }

    /** A pull request seekfix opened or found. */
    public record OpenedPullRequest(int number, String url) {
    }

    private final GitHubRest rest;
    private final LongFunction<String> tokens;
    private final long installationId;
    private final String repository;

    public GitData(GitHubRest rest, LongFunction<String> tokens, long installationId, String repository) {
        this.rest = rest;
        this.tokens = tokens;
        this.installationId = installationId;
        this.repository = repository;
    }

    private String token() {
        return tokens.apply(installationId);
    }

    private String repoPath() {
        int slash = repository.indexOf('/');
        return "/repos/" + encode(repository.substring(0, slash)) + "/" + encode(repository.substring(slash + 1));
    }

    /** git/get-commit: the tree a commit points at. */
    public String treeOf(String commitSha) {
        return rest.get(repoPath() + "/git/commits/" + encode(commitSha), token()).path("tree").path("sha").asText();
    }

    /** git/get-tree, recursive: every path at a commit (the context gatherer resolves path suffixes with it). */
    public Tree tree(String treeSha) {
        JsonNode node = rest.get(repoPath() + "/git/trees/" + encode(treeSha) + "?recursive=1", token());
        List<TreeEntry> entries = new ArrayList<>();
        for (JsonNode e : node.path("tree")) {
            entries.add(new TreeEntry(e.path("path").asText(), e.path("mode").asText("100644"), e.path("type").asText("blob")));
        }
        return new Tree(entries, node.path("truncated").asBoolean(false));
    }

    /** git/create-blob */
    public String createBlob(String text) {
        ObjectNode body = rest.json().createObjectNode()
                .put("content", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))
                .put("encoding", "base64");
        return rest.post(repoPath() + "/git/blobs", body, token()).path("sha").asText();
    }

    /**
     * git/create-tree on top of {@code baseTree}.
     *
     * @param changes path → blob sha, or empty to delete the path; with the path's mode
     */
    public String createTree(String baseTree, List<TreeChange> changes) {
        ObjectNode body = rest.json().createObjectNode().put("base_tree", baseTree);
        ArrayNode tree = body.putArray("tree");
        for (TreeChange c : changes) {
            ObjectNode entry = tree.addObject().put("path", c.path()).put("mode", c.mode()).put("type", "blob");
            if (c.blobSha().isPresent()) entry.put("sha", c.blobSha().get());
            else entry.putNull("sha");
        }
        return rest.post(repoPath() + "/git/trees", body, token()).path("sha").asText();
    }

    /** One path of a new tree: a new blob, or deletion when {@code blobSha} is empty. */
    public record TreeChange(String path, String mode, Optional<String> blobSha) {
    }

    /** git/create-commit; without author, GitHub records the App's bot user. */
    public String createCommit(String message, String treeSha, String parentSha) {
        ObjectNode body = rest.json().createObjectNode().put("message", message).put("tree", treeSha);
        body.putArray("parents").add(parentSha);
        return rest.post(repoPath() + "/git/commits", body, token()).path("sha").asText();
    }

    /** git/get-ref for a branch, or empty when it does not exist. */
    public Optional<String> branchSha(String branch) {
        return rest.getIfPresent(repoPath() + "/git/ref/heads/" + encodePath(branch), token())
                .map(n -> n.path("object").path("sha").asText());
    }

    /** git/create-ref */
    public void createBranch(String branch, String sha) {
        rest.post(repoPath() + "/git/refs", rest.json().createObjectNode().put("ref", "refs/heads/" + branch).put("sha", sha),
                token());
    }

    /**
     * git/update-ref without force: GitHub refuses (422) unless the branch still points at an ancestor of
     * {@code sha}, so a push someone made meanwhile is never overwritten.
     *
     * @return false when GitHub refused because the branch moved
     */
    public boolean fastForward(String branch, String sha) {
        try {
            rest.patch(repoPath() + "/git/refs/heads/" + encodePath(branch),
                    rest.json().createObjectNode().put("sha", sha).put("force", false), token());
            return true;
        } catch (GitHubApiException e) {
            if (e.status() == 422 || e.status() == 409) return false;
            throw e;
        }
    }

    /** pulls/list filtered by head branch: a fix PR seekfix opened before. */
    public Optional<OpenedPullRequest> openPullRequest(String headOwner, String branch) {
        return rest.getAll(repoPath() + "/pulls?state=open&head=" + encode(headOwner + ":" + branch), token(), null).stream()
                .findFirst().map(n -> new OpenedPullRequest(n.path("number").asInt(), n.path("html_url").asText("")));
    }

    /** pulls/create */
    public OpenedPullRequest createPullRequest(String title, String head, String base, String body) {
        ObjectNode request = rest.json().createObjectNode().put("title", title).put("head", head).put("base", base)
                .put("body", body).put("maintainer_can_modify", true);
        JsonNode pr = rest.post(repoPath() + "/pulls", request, token());
        return new OpenedPullRequest(pr.path("number").asInt(), pr.path("html_url").asText(""));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        return String.join("/", java.util.Arrays.stream(path.split("/")).map(GitData::encode).toList());
    }
}
