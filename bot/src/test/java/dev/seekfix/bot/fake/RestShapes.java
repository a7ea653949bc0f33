package dev.seekfix.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.bot.fake.FakeGitHub.CheckRun;
import dev.seekfix.bot.fake.FakeGitHub.IssueComment;
import dev.seekfix.bot.fake.FakeGitHub.Review;
import dev.seekfix.bot.fake.FakeGitHub.ReviewComment;

/**
 * The fake's response bodies: each starts from the OpenAPI description's own example of that schema and carries
 * the fake's state, so what the bot reads has GitHub's real shape.
 */
final class RestShapes {

    private final OpenApiContract contract;

    RestShapes(OpenApiContract contract) {
        this.contract = contract;
    }

    ObjectNode user(String login) {
        ObjectNode user = (ObjectNode) contract.example("issue-comment").path("user").deepCopy();
        user.put("login", login);
        user.put("type", login.endsWith("[bot]") ? "Bot" : "User");
        return user;
    }

    ObjectNode pullJson(Repo repo, Pr pr) {
        ObjectNode body = (ObjectNode) contract.example("pull-request");
        body.put("number", pr.number);
        body.put("title", pr.title);
        body.put("body", pr.body);
        body.put("state", pr.state);
        body.put("draft", pr.draft);
        body.set("user", user(pr.author));
        ObjectNode head = (ObjectNode) body.path("head");
        head.put("sha", pr.headSha);
        head.put("ref", pr.headRef);
        ((ObjectNode) head.path("repo")).put("full_name", repo.fullName);
        ObjectNode base = (ObjectNode) body.path("base");
        base.put("sha", pr.baseSha);
        base.put("ref", pr.baseRef);
        ((ObjectNode) base.path("repo")).put("full_name", repo.fullName);
        fillUserTypes(body);
        body.path("requested_teams").forEach(team -> ((ObjectNode) team).put("type", "enterprise"));
        return body;
    }

    /** The description's pull-request example lacks some users' {@code type}; GitHub always sends it. */
    static void fillUserTypes(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("login") && object.has("avatar_url") && !object.has("type")) object.put("type", "User");
            object.forEach(RestShapes::fillUserTypes);
        } else if (node.isArray()) {
            node.forEach(RestShapes::fillUserTypes);
        }
    }

    JsonNode fileJson(PrFile file) {
        ObjectNode entry = (ObjectNode) ((ArrayNode) contract.example("diff-entry-items")).get(0);
        entry.put("filename", file.path());
        entry.put("status", file.status());
        int additions = 0;
        int deletions = 0;
        if (file.patch() != null) {
            for (String line : file.patch().split("\n")) {
                if (line.startsWith("+")) additions++;
                if (line.startsWith("-")) deletions++;
            }
            entry.put("patch", file.patch());
        } else {
            entry.remove("patch");
        }
        entry.put("additions", additions);
        entry.put("deletions", deletions);
        entry.put("changes", additions + deletions);
        return entry;
    }

    JsonNode reviewJson(Review review) {
        ObjectNode body = (ObjectNode) contract.example("pull-request-review");
        body.put("id", review.id());
        body.put("body", review.body());
        body.put("commit_id", review.commitId());
        body.put("state", "COMMENTED");
        body.set("user", user(review.author()));
        return body;
    }

    JsonNode reviewCommentJson(ReviewComment c) {
        ObjectNode body = (ObjectNode) contract.example("pull-request-review-comment");
        body.put("id", c.id());
        body.put("pull_request_review_id", c.reviewId());
        body.put("path", c.path());
        body.put("line", c.line());
        body.put("side", c.side());
        if (c.startLine() == null) body.putNull("start_line"); else body.put("start_line", c.startLine());
        body.put("body", c.body());
        body.set("user", user(c.author()));
        if (c.inReplyTo() != null) body.put("in_reply_to_id", c.inReplyTo()); else body.remove("in_reply_to_id");
        return body;
    }

    JsonNode issueCommentJson(IssueComment c) {
        ObjectNode body = (ObjectNode) contract.example("issue-comment");
        body.put("id", c.id());
        body.put("body", c.body());
        body.set("user", user(c.author()));
        return body;
    }

    JsonNode checkRunJson(CheckRun run) {
        ObjectNode body = (ObjectNode) contract.example("check-run");
        body.put("id", run.id());
        body.put("name", run.name());
        body.put("head_sha", run.headSha());
        body.put("status", run.status());
        if (run.conclusion() == null) body.putNull("conclusion"); else body.put("conclusion", run.conclusion());
        ((ObjectNode) body.path("output")).put("title", run.title()).put("summary", run.summary());
        return body;
    }
}
