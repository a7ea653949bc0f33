package dev.seekfix.bot.fix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code workflow_run} or {@code check_suite} payload into a {@link FixTrigger}, or says why the event is
 * not one to act on. Lenient: payloads evolve and older examples lack fields (GITHUB.md, "Webhooks").
 */
public final class TriggerReader {

    /** The App that runs GitHub Actions; its check suites are handled through {@code workflow_run} instead. */
    static final String ACTIONS_APP = "github-actions";

    public sealed interface Read {
        record Trigger(FixTrigger trigger) implements Read {
        }

        record NotAFailure(String reason) implements Read {
        }
    }

    public Read read(String event, JsonNode payload) {
        String action = payload.path("action").asText("");
        if (!action.equals("completed")) return new Read.NotAFailure(event + "." + action + " is not a completed run");
        return switch (event) {
            case "workflow_run" -> workflowRun(payload.path("workflow_run"));
            case "check_suite" -> checkSuite(payload.path("check_suite"));
            default -> new Read.NotAFailure("seekfix fixes CI from workflow_run and check_suite, not " + event);
        };
    }

    private static Read workflowRun(JsonNode run) {
        String conclusion = run.path("conclusion").asText("");
        if (!conclusion.equals("failure")) {
            return new Read.NotAFailure("workflow run " + run.path("id").asLong() + " concluded '" + conclusion + "'");
        }
        String headSha = run.path("head_sha").asText("");
        return new Read.Trigger(new FixTrigger.WorkflowRun(run.path("id").asLong(), run.path("name").asText(""),
                run.path("html_url").asText(""), headSha, run.path("head_branch").asText(""), headCommit(run.path("head_commit"), headSha),
                pullNumbers(run.path("pull_requests"), headSha),
                run.path("triggering_actor").path("login").asText(run.path("actor").path("login").asText(""))));
    }

    private static Read checkSuite(JsonNode suite) {
        String conclusion = suite.path("conclusion").asText("");
        if (!conclusion.equals("failure")) {
            return new Read.NotAFailure("check suite " + suite.path("id").asLong() + " concluded '" + conclusion + "'");
        }
        String app = suite.path("app").path("slug").asText("");
        if (app.equals(ACTIONS_APP)) {
            return new Read.NotAFailure("Actions check suites are handled through their workflow_run event");
        }
        String headSha = suite.path("head_sha").asText("");
        return new Read.Trigger(new FixTrigger.CheckSuite(suite.path("id").asLong(), app, headSha,
                suite.path("head_branch").asText(""), headCommit(suite.path("head_commit"), headSha),
                pullNumbers(suite.path("pull_requests"), headSha)));
    }

    /** The event's PRs whose head is this commit (a PR listed with another head is stale). */
    private static List<Integer> pullNumbers(JsonNode prs, String headSha) {
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode pr : prs) {
            String prHead = pr.path("head").path("sha").asText(headSha);
            if (pr.path("number").isInt() && prHead.equals(headSha)) numbers.add(pr.path("number").asInt());
        }
        return numbers;
    }

    private static HeadCommit headCommit(JsonNode commit, String headSha) {
        if (commit.isMissingNode() || commit.isNull()) return HeadCommit.unknown(headSha);
        return new HeadCommit(commit.path("id").asText(headSha), commit.path("author").path("name").asText(""),
                commit.path("author").path("email").asText(""), commit.path("committer").path("name").asText(""),
                commit.path("committer").path("email").asText(""), commit.path("message").asText(""));
    }
}
