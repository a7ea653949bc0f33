package dev.seekfix.bot.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seekfix.bot.github.GitHubRest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The Actions and Checks calls the CI fixer makes on one repository as one installation (operation ids from
 * GitHub's OpenAPI description are named on each method). Responses are read leniently: missing fields become
 * empty values.
 */
public final class CiClient {

    private final GitHubRest rest;
    private final LongFunction<String> tokens;
    private final long installationId;
    private final String repository;
    private final JobLogs logs;

    public CiClient(GitHubRest rest, LongFunction<String> tokens, long installationId, String repository, JobLogs logs) {
        this.rest = rest;
        this.tokens = tokens;
        this.installationId = installationId;
        this.repository = repository;
        this.logs = logs;
    }

    public String repository() {
        return repository;
    }

    private String token() {
        return tokens.apply(installationId);
    }

    private String repoPath() {
        int slash = repository.indexOf('/');
        return "/repos/" + encode(repository.substring(0, slash)) + "/" + encode(repository.substring(slash + 1));
    }

    /** actions/list-jobs-for-workflow-run, latest attempt only. */
    public List<CiJob> jobs(long runId) {
        List<CiJob> jobs = new ArrayList<>();
        for (JsonNode node : rest.getAll(repoPath() + "/actions/runs/" + runId + "/jobs?filter=latest", token(), "jobs")) {
            List<CiJob.Step> steps = new ArrayList<>();
            for (JsonNode s : node.path("steps")) {
                steps.add(new CiJob.Step(s.path("number").asInt(), s.path("name").asText(""), s.path("status").asText(""),
                        text(s, "conclusion")));
            }
            jobs.add(new CiJob(node.path("id").asLong(), node.path("run_id").asLong(runId), node.path("name").asText(""),
                    node.path("head_sha").asText(""), node.path("status").asText(""), text(node, "conclusion"), steps));
        }
        return jobs;
    }

    /** actions/download-job-logs-for-workflow-run, following the short-lived redirect at once. */
    public String jobLog(long jobId) throws IOException, InterruptedException {
        return logs.download(repository, jobId, token());
    }

    /** actions/list-workflow-runs-for-repo filtered by head SHA: {@code /fix} looks for the head's failed runs. */
    public List<CiRunSummary> runsForHead(String headSha) {
        List<CiRunSummary> runs = new ArrayList<>();
        for (JsonNode node : rest.getAll(repoPath() + "/actions/runs?head_sha=" + encode(headSha), token(), "workflow_runs")) {
            runs.add(new CiRunSummary(node.path("id").asLong(), node.path("name").asText(""),
                    node.path("html_url").asText(""), node.path("head_sha").asText(""), node.path("status").asText(""), text(node, "conclusion"),
                    node.path("event").asText(""), node.path("run_attempt").asInt(1), node.path("updated_at").asText("")));
        }
        return runs;
    }

    /** checks/list-for-ref, every run of one check on one commit (reruns included). */
    public List<CiCheckRun> checkRuns(String ref, String checkName) {
        return rest.getAll(repoPath() + "/commits/" + encode(ref) + "/check-runs?filter=all&check_name=" + encode(checkName),
                token(), "check_runs").stream().map(CiClient::checkRun).toList();
    }

    /** checks/list-for-suite, latest runs. */
    public List<CiCheckRun> checkRunsOfSuite(long suiteId) {
        return rest.getAll(repoPath() + "/check-suites/" + suiteId + "/check-runs?filter=latest", token(), "check_runs")
                .stream().map(CiClient::checkRun).toList();
    }

    /** checks/list-annotations */
    public List<CiAnnotation> annotations(long checkRunId) {
        return rest.getAll(repoPath() + "/check-runs/" + checkRunId + "/annotations", token(), null).stream()
                .map(a -> new CiAnnotation(a.path("path").asText(""), a.path("start_line").asInt(0),
                        a.path("start_column").asInt(0), a.path("annotation_level").asText(""),
                        a.path("title").asText(""), a.path("message").asText("")))
                .toList();
    }

    private static CiCheckRun checkRun(JsonNode node) {
        JsonNode output = node.path("output");
        return new CiCheckRun(node.path("id").asLong(), node.path("name").asText(""), node.path("head_sha").asText(""),
                node.path("status").asText(""), text(node, "conclusion"), node.path("app").path("slug").asText(""),
                node.path("completed_at").asText(""),
                new CiCheckRun.Output(output.path("title").asText(""), output.path("summary").asText(""),
                        output.path("text").asText("")));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
