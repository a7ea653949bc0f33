package dev.seekfix.bot.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful GitHub on a random port for the CI fixer's end-to-end tests, speaking the REST shapes of GitHub's
 * OpenAPI description for what the fixer calls: App installation tokens, repository, contents, pull requests
 * (get, files, by commit, list, create), issue comments, reviews, collaborator permission, Actions (runs, jobs, job
 * logs behind a 302 to a signed URL that refuses tokens), check runs (by ref, by suite, annotations) and git data
 * (commits, trees, blobs, refs with fast-forward-only updates). One repository, many commits.
 */
final class FakeCiGitHub implements AutoCloseable {

    static final String REPO = "acme/greeter";
    static final long INSTALLATION = 77;

    record Recorded(String method, String path, String query, String body) {
    }

    static final class Pull {
        final int number;
        String title = "Greet by name";
        String state = "open";
        String headSha;
        String headRef = "feature";
        String headRepo = REPO;
        String baseSha;
        String baseRef = "main";
        final List<Map<String, String>> files = new ArrayList<>(); // filename, status, patch

        Pull(int number, String headSha, String baseSha) {
            this.number = number;
            this.headSha = headSha;
            this.baseSha = baseSha;
        }

        Pull file(String path, String patch) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("filename", path);
            f.put("status", "modified");
            f.put("patch", patch);
            files.add(f);
            return this;
        }
    }

    record Step(int number, String name, String conclusion) {
    }

    record Job(long id, long runId, String name, String headSha, String conclusion, List<Step> steps, String log) {
    }

    record Run(long id, String name, String headSha, String conclusion, List<Job> jobs) {
    }

    record CheckRun(long id, String name, String headSha, String conclusion, String app, long suiteId, String title,
                    String summary, String text) {
    }

    record Comment(long id, int issue, String author, String body) {
    }

    record Review(long id, int pull, String author, String commitId, String body, JsonNode comments) {
    }

    record Commit(String sha, String tree, List<String> parents, String message) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Javalin server;
    private final AtomicLong ids = new AtomicLong(5000);
    final String botLogin;

    final Map<String, Map<String, String>> filesAtCommit = new ConcurrentHashMap<>(); // sha or branch → path → text
    final Map<Integer, Pull> pulls = new ConcurrentHashMap<>();
    final Map<Long, Run> runs = new ConcurrentHashMap<>();
    final List<CheckRun> checkRuns = new CopyOnWriteArrayList<>();
    final List<Comment> comments = new CopyOnWriteArrayList<>();
    final List<Review> reviews = new CopyOnWriteArrayList<>();
    final Map<String, String> permissions = new ConcurrentHashMap<>();
    final Map<String, String> blobs = new ConcurrentHashMap<>();
    final Map<String, Map<String, String>> trees = new ConcurrentHashMap<>(); // tree sha → path → blob sha | "" (deleted)
    final Map<String, String> treeBase = new ConcurrentHashMap<>();
    final Map<String, Commit> commits = new ConcurrentHashMap<>();
    final Map<String, String> branches = new ConcurrentHashMap<>();
    final List<ObjectNode> createdPulls = new CopyOnWriteArrayList<>();
    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    final List<String> tokensSeenByLogStorage = new CopyOnWriteArrayList<>();

    FakeCiGitHub(String appSlug) {
        this.botLogin = appSlug + "[bot]";
        String r = "/repos/{owner}/{repo}";
        server = Javalin.create(c -> {
            c.routes.get("/app", ctx -> reply(ctx, 200, json.createObjectNode().put("id", 4242).put("slug", appSlug)
                    .put("name", appSlug)));
            c.routes.get("/app/installations/{id}", ctx -> reply(ctx, 200, json.createObjectNode()
                    .put("id", Long.parseLong(ctx.pathParam("id"))).put("app_id", 4242)));
            c.routes.post("/app/installations/{id}/access_tokens", ctx -> reply(ctx, 201, json.createObjectNode()
                    .put("token", "ghs_fake" + ids.incrementAndGet()).put("expires_at", Instant.now().plusSeconds(3600).toString())));
            c.routes.get(r, ctx -> guarded(ctx, () -> json.createObjectNode().put("full_name", REPO).put("default_branch", "main")));
            c.routes.get(r + "/contents/<path>", this::contents);
            c.routes.get(r + "/pulls/{n}", ctx -> guarded(ctx, () -> pullJson(pull(ctx))));
            c.routes.get(r + "/pulls/{n}/files", ctx -> guarded(ctx, () -> {
                ArrayNode out = json.createArrayNode();
                for (Map<String, String> f : pull(ctx).files) {
                    ObjectNode n = out.addObject().put("filename", f.get("filename")).put("status", f.get("status"))
                            .put("additions", 1).put("deletions", 1).put("changes", 2).put("sha", "0".repeat(40));
                    n.put("patch", f.get("patch"));
                }
                return out;
            }));
            c.routes.get(r + "/pulls", this::listPulls);
            c.routes.post(r + "/pulls", this::createPull);
            c.routes.get(r + "/commits/{sha}/pulls", ctx -> guarded(ctx, () -> {
                ArrayNode out = json.createArrayNode();
                pulls.values().stream().filter(p -> p.headSha.equals(ctx.pathParam("sha"))).forEach(p -> out.add(pullJson(p)));
                return out;
            }));
            c.routes.get(r + "/issues/{n}/comments", ctx -> guarded(ctx, () -> {
                ArrayNode out = json.createArrayNode();
                comments.stream().filter(cm -> cm.issue() == Integer.parseInt(ctx.pathParam("n"))).forEach(cm -> out.add(commentJson(cm)));
                return out;
            }));
            c.routes.post(r + "/issues/{n}/comments", ctx -> {
                record(ctx);
                Comment cm = new Comment(ids.incrementAndGet(), Integer.parseInt(ctx.pathParam("n")), botLogin,
                        json.readTree(ctx.body()).path("body").asText());
                comments.add(cm);
                reply(ctx, 201, commentJson(cm));
            });
            c.routes.patch(r + "/issues/comments/{id}", ctx -> {
                record(ctx);
                long id = Long.parseLong(ctx.pathParam("id"));
                Comment old = comments.stream().filter(cm -> cm.id() == id).findFirst().orElseThrow();
                Comment updated = new Comment(id, old.issue(), old.author(), json.readTree(ctx.body()).path("body").asText());
                comments.set(comments.indexOf(old), updated);
                reply(ctx, 200, commentJson(updated));
            });
            c.routes.get(r + "/pulls/{n}/reviews", ctx -> guarded(ctx, () -> {
                ArrayNode out = json.createArrayNode();
                reviews.stream().filter(rv -> rv.pull() == Integer.parseInt(ctx.pathParam("n"))).forEach(rv -> out.add(reviewJson(rv)));
                return out;
            }));
            c.routes.post(r + "/pulls/{n}/reviews", this::createReview);
            c.routes.get(r + "/collaborators/{user}/permission", ctx -> guarded(ctx, () -> json.createObjectNode()
                    .put("permission", permissions.getOrDefault(ctx.pathParam("user"), "read")).put("role_name", "x")));
            c.routes.get(r + "/actions/runs", this::listRuns);
            c.routes.get(r + "/actions/runs/{id}/jobs", this::listJobs);
            c.routes.get(r + "/actions/jobs/{id}/logs", ctx -> {
                record(ctx);
                ctx.header("Location", apiUrl() + "/_signed/logs/" + ctx.pathParam("id") + "?sig=" + ids.incrementAndGet());
                ctx.status(302);
            });
            c.routes.get("/_signed/logs/{id}", ctx -> {
                String auth = ctx.header("Authorization");
                tokensSeenByLogStorage.add(auth == null ? "" : auth);
                if (auth != null) {
                    ctx.status(400).result("storage refuses Authorization headers");
                    return;
                }
                long id = Long.parseLong(ctx.pathParam("id"));
                Optional<Job> job = runs.values().stream().flatMap(run -> run.jobs().stream()).filter(j -> j.id() == id).findFirst();
                if (job.isEmpty()) ctx.status(404);
                else ctx.contentType("text/plain").result(job.get().log());
            });
            c.routes.get(r + "/commits/{ref}/check-runs", this::checkRunsForRef);
            c.routes.get(r + "/check-suites/{id}/check-runs", ctx -> guarded(ctx, () -> checkRunList(checkRuns.stream()
                    .filter(cr -> cr.suiteId() == Long.parseLong(ctx.pathParam("id"))).toList())));
            c.routes.get(r + "/check-runs/{id}/annotations", ctx -> guarded(ctx, json::createArrayNode));
            c.routes.get(r + "/git/commits/{sha}", ctx -> guarded(ctx, () -> {
                String sha = ctx.pathParam("sha");
                String tree = commits.containsKey(sha) ? commits.get(sha).tree() : "tree-" + sha;
                ObjectNode out = json.createObjectNode().put("sha", sha);
                out.putObject("tree").put("sha", tree);
                return out;
            }));
            c.routes.get(r + "/git/trees/{sha}", this::getTree);
            c.routes.post(r + "/git/blobs", ctx -> {
                record(ctx);
                JsonNode body = json.readTree(ctx.body());
                String text = new String(Base64.getDecoder().decode(body.path("content").asText()), StandardCharsets.UTF_8);
                String sha = "blob" + ids.incrementAndGet();
                blobs.put(sha, text);
                reply(ctx, 201, json.createObjectNode().put("sha", sha).put("url", apiUrl() + "/blobs/" + sha));
            });
            c.routes.post(r + "/git/trees", ctx -> {
                record(ctx);
                JsonNode body = json.readTree(ctx.body());
                String sha = "tree" + ids.incrementAndGet();
                Map<String, String> entries = new LinkedHashMap<>();
                for (JsonNode e : body.path("tree")) entries.put(e.path("path").asText(), e.path("sha").isNull() ? "" : e.path("sha").asText());
                trees.put(sha, entries);
                treeBase.put(sha, body.path("base_tree").asText());
                reply(ctx, 201, json.createObjectNode().put("sha", sha).put("truncated", false).set("tree", json.createArrayNode()));
            });
            c.routes.post(r + "/git/commits", ctx -> {
                record(ctx);
                JsonNode body = json.readTree(ctx.body());
                String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                        .digest(("commit" + ids.incrementAndGet()).getBytes(StandardCharsets.UTF_8)));
                List<String> parents = new ArrayList<>();
                body.path("parents").forEach(p -> parents.add(p.asText()));
                commits.put(sha, new Commit(sha, body.path("tree").asText(), parents, body.path("message").asText()));
                reply(ctx, 201, json.createObjectNode().put("sha", sha));
            });
            c.routes.get(r + "/git/ref/heads/<branch>", ctx -> {
                record(ctx);
                String sha = branches.get(ctx.pathParam("branch"));
                if (sha == null) {
                    reply(ctx, 404, json.createObjectNode().put("message", "Not Found"));
                    return;
                }
                ObjectNode out = json.createObjectNode().put("ref", "refs/heads/" + ctx.pathParam("branch"));
                out.putObject("object").put("sha", sha).put("type", "commit");
                reply(ctx, 200, out);
            });
            c.routes.post(r + "/git/refs", ctx -> {
                record(ctx);
                JsonNode body = json.readTree(ctx.body());
                String branch = body.path("ref").asText().replaceFirst("^refs/heads/", "");
                if (branches.containsKey(branch)) {
                    reply(ctx, 422, json.createObjectNode().put("message", "Reference already exists"));
                    return;
                }
                branches.put(branch, body.path("sha").asText());
                reply(ctx, 201, json.createObjectNode().put("ref", body.path("ref").asText()));
            });
            c.routes.patch(r + "/git/refs/heads/<branch>", ctx -> {
                record(ctx);
                JsonNode body = json.readTree(ctx.body());
                String branch = ctx.pathParam("branch");
                String current = branches.get(branch);
                String next = body.path("sha").asText();
                Commit commit = commits.get(next);
                boolean fastForward = commit != null && commit.parents().contains(current);
                if (!body.path("force").asBoolean(false) && !fastForward) {
                    reply(ctx, 422, json.createObjectNode().put("message", "Update is not a fast forward"));
                    return;
                }
                branches.put(branch, next);
                reply(ctx, 200, json.createObjectNode().put("ref", "refs/heads/" + branch));
            });
        }).start(0);
    }

    URI apiUrl() {
        return URI.create("http://localhost:" + server.port());
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    // --- state set-up -----------------------------------------------------------------------------------------

    void files(String commitOrBranch, Map<String, String> files) {
        filesAtCommit.computeIfAbsent(commitOrBranch, k -> new ConcurrentHashMap<>()).putAll(files);
    }

    Pull pull(int number, String headSha, String baseSha) {
        Pull p = new Pull(number, headSha, baseSha);
        pulls.put(number, p);
        branches.put(p.headRef, headSha);
        return p;
    }

    Run failedRun(String name, String headSha, String jobName, String failedStep, String log) {
        long runId = ids.incrementAndGet();
        Job job = new Job(ids.incrementAndGet(), runId, jobName, headSha, "failure",
                List.of(new Step(1, "Set up job", "success"), new Step(2, "Run actions/checkout@v4", "success"),
                        new Step(3, failedStep, "failure"), new Step(4, "Complete job", "success")), log);
        Run run = new Run(runId, name, headSha, "failure", List.of(job));
        runs.put(runId, run);
        checkRuns.add(new CheckRun(job.id(), jobName, headSha, "failure", "github-actions", 0, "", "", ""));
        return run;
    }

    void checkOn(String sha, String name, String conclusion) {
        checkRuns.add(new CheckRun(ids.incrementAndGet(), name, sha, conclusion, "github-actions", 0, "", "", ""));
    }

    List<Recorded> requests(String method, String pathPart) {
        return requests.stream().filter(q -> q.method().equals(method) && q.path().contains(pathPart)).toList();
    }

    List<Recorded> writes() {
        return requests.stream().filter(q -> !q.method().equals("GET")).toList();
    }

    // --- handlers -----------------------------------------------------------------------------------------------

    private interface Body {
        JsonNode get() throws Exception;
    }

    private void guarded(Context ctx, Body body) throws Exception {
        record(ctx);
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ghs_")) {
            reply(ctx, 401, json.createObjectNode().put("message", "Bad credentials"));
            return;
        }
        reply(ctx, 200, body.get());
    }

    private void record(Context ctx) {
        requests.add(new Recorded(ctx.method().name(), ctx.path(), ctx.queryString() == null ? "" : ctx.queryString(), ctx.body()));
    }

    private void reply(Context ctx, int status, JsonNode body) throws Exception {
        ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
    }

    private Pull pull(Context ctx) {
        Pull p = pulls.get(Integer.parseInt(ctx.pathParam("n")));
        if (p == null) throw new io.javalin.http.NotFoundResponse("no pull request " + ctx.pathParam("n"));
        return p;
    }

    private void contents(Context ctx) throws Exception {
        record(ctx);
        String ref = Optional.ofNullable(ctx.queryParam("ref")).orElse("main");
        String text = filesAtCommit.getOrDefault(ref, Map.of()).get(ctx.pathParam("path"));
        if (text == null) {
            reply(ctx, 404, json.createObjectNode().put("message", "Not Found"));
            return;
        }
        reply(ctx, 200, json.createObjectNode().put("type", "file").put("encoding", "base64")
                .put("path", ctx.pathParam("path")).put("sha", "0".repeat(40)).put("size", text.length())
                .put("content", Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
    }

    private ObjectNode pullJson(Pull p) {
        ObjectNode n = json.createObjectNode().put("number", p.number).put("title", p.title).put("body", "")
                .put("state", p.state).put("draft", false).put("html_url", "https://github.com/" + REPO + "/pull/" + p.number);
        ObjectNode head = n.putObject("head").put("sha", p.headSha).put("ref", p.headRef);
        head.putObject("repo").put("full_name", p.headRepo);
        ObjectNode base = n.putObject("base").put("sha", p.baseSha).put("ref", p.baseRef);
        base.putObject("repo").put("full_name", REPO);
        n.putObject("user").put("login", "ada").put("type", "User");
        return n;
    }

    private void listPulls(Context ctx) throws Exception {
        guarded(ctx, () -> {
            String head = Optional.ofNullable(ctx.queryParam("head")).orElse("");
            ArrayNode out = json.createArrayNode();
            for (ObjectNode created : createdPulls) {
                if (head.isEmpty() || head.endsWith(":" + created.path("head").path("ref").asText())) out.add(created);
            }
            return out;
        });
    }

    private void createPull(Context ctx) throws Exception {
        record(ctx);
        JsonNode body = json.readTree(ctx.body());
        int number = (int) (ids.incrementAndGet() % 1000) + 100;
        ObjectNode pr = json.createObjectNode().put("number", number).put("title", body.path("title").asText())
                .put("body", body.path("body").asText()).put("state", "open")
                .put("html_url", "https://github.com/" + REPO + "/pull/" + number);
        pr.putObject("head").put("ref", body.path("head").asText());
        pr.putObject("base").put("ref", body.path("base").asText());
        createdPulls.add(pr);
        reply(ctx, 201, pr);
    }

    private ObjectNode commentJson(Comment c) {
        ObjectNode n = json.createObjectNode().put("id", c.id()).put("body", c.body());
        n.putObject("user").put("login", c.author()).put("type", c.author().endsWith("[bot]") ? "Bot" : "User");
        return n;
    }

    private ObjectNode reviewJson(Review r) {
        ObjectNode n = json.createObjectNode().put("id", r.id()).put("body", r.body()).put("commit_id", r.commitId())
                .put("state", "COMMENTED");
        n.putObject("user").put("login", r.author()).put("type", "Bot");
        return n;
    }

    private void createReview(Context ctx) throws Exception {
        record(ctx);
        JsonNode body = json.readTree(ctx.body());
        Pull p = pull(ctx);
        // like GitHub: every comment line must be in the diff, or the whole review is refused
        for (JsonNode c : body.path("comments")) {
            if (p.files.stream().noneMatch(f -> f.get("filename").equals(c.path("path").asText()))) {
                reply(ctx, 422, json.createObjectNode().put("message", "Unprocessable Entity: path not in diff"));
                return;
            }
        }
        Review r = new Review(ids.incrementAndGet(), p.number, botLogin, body.path("commit_id").asText(),
                body.path("body").asText(), body.path("comments"));
        reviews.add(r);
        reply(ctx, 200, reviewJson(r));
    }

    private ObjectNode runJson(Run run) {
        return json.createObjectNode().put("id", run.id()).put("name", run.name()).put("head_sha", run.headSha())
                .put("status", "completed").put("conclusion", run.conclusion()).put("event", "pull_request")
                .put("run_attempt", 1).put("updated_at", "2026-01-01T00:00:" + String.format("%02d", run.id() % 60) + "Z")
                .put("html_url", "https://github.com/" + REPO + "/actions/runs/" + run.id());
    }

    private void listRuns(Context ctx) throws Exception {
        guarded(ctx, () -> {
            String head = ctx.queryParam("head_sha");
            ArrayNode list = json.createArrayNode();
            runs.values().stream().filter(run -> head == null || run.headSha().equals(head)).forEach(run -> list.add(runJson(run)));
            ObjectNode out = json.createObjectNode().put("total_count", list.size());
            out.set("workflow_runs", list);
            return out;
        });
    }

    private void listJobs(Context ctx) throws Exception {
        guarded(ctx, () -> {
            Run run = runs.get(Long.parseLong(ctx.pathParam("id")));
            ArrayNode list = json.createArrayNode();
            for (Job job : run == null ? List.<Job>of() : run.jobs()) {
                ObjectNode j = list.addObject().put("id", job.id()).put("run_id", job.runId()).put("name", job.name())
                        .put("head_sha", job.headSha()).put("status", "completed").put("conclusion", job.conclusion());
                ArrayNode steps = j.putArray("steps");
                for (Step s : job.steps()) {
                    steps.addObject().put("number", s.number()).put("name", s.name()).put("status", "completed")
                            .put("conclusion", s.conclusion());
                }
            }
            ObjectNode out = json.createObjectNode().put("total_count", list.size());
            out.set("jobs", list);
            return out;
        });
    }

    private void checkRunsForRef(Context ctx) throws Exception {
        guarded(ctx, () -> {
            String name = ctx.queryParam("check_name");
            return checkRunList(checkRuns.stream().filter(cr -> cr.headSha().equals(ctx.pathParam("ref"))
                    && (name == null || cr.name().equals(name))).toList());
        });
    }

    private ObjectNode checkRunList(List<CheckRun> list) {
        ArrayNode runs = json.createArrayNode();
        for (CheckRun cr : list) {
            ObjectNode n = runs.addObject().put("id", cr.id()).put("name", cr.name()).put("head_sha", cr.headSha())
                    .put("status", "completed").put("conclusion", cr.conclusion())
                    .put("completed_at", "2026-01-01T00:00:00Z");
            n.putObject("app").put("slug", cr.app());
            n.putObject("output").put("title", cr.title()).put("summary", cr.summary()).put("text", cr.text());
        }
        ObjectNode out = json.createObjectNode().put("total_count", runs.size());
        out.set("check_runs", runs);
        return out;
    }

    private void getTree(Context ctx) throws Exception {
        guarded(ctx, () -> {
            String sha = ctx.pathParam("sha");
            String commit = sha.startsWith("tree-") ? sha.substring(5) : sha;
            ArrayNode entries = json.createArrayNode();
            for (String path : filesAtCommit.getOrDefault(commit, Map.of()).keySet()) {
                entries.addObject().put("path", path).put("mode", path.endsWith(".sh") ? "100755" : "100644")
                        .put("type", "blob").put("sha", "0".repeat(40));
            }
            ObjectNode out = json.createObjectNode().put("sha", sha).put("truncated", false);
            out.set("tree", entries);
            return out;
        });
    }

    @Override
    public void close() {
        server.stop();
    }
}
