package dev.seekfix.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful GitHub on a random port for end-to-end tests: App JWT and installation tokens, repositories with files
 * per ref, pull requests with their files, compare, reviews, review and issue comments, reactions, check runs,
 * collaborator permissions and the manifest conversion. Responses start from the OpenAPI description's own examples;
 * every request body and every response is checked against the description ({@link #contractViolations}). Like
 * GitHub, it refuses a review whose comment lines are not in the diff (422) and can be told to answer with rate
 * limits.
 */
public final class FakeGitHub implements AutoCloseable {
    public record Recorded(String method, String path, String query, JsonNode body, String authorization) {
    }

    public record Fault(String method, String pathPrefix, int status, Map<String, String> headers, String body) {
    }

    public record ReviewComment(long id, int pr, long reviewId, String path, Integer startLine, int line, String side, String body,
                                String author, Long inReplyTo) {
    }

    public record IssueComment(long id, int issue, String body, String author) {
    }

    public record Review(long id, int pr, String body, String commitId, String author) {
    }

    public record CheckRun(long id, String repo, String name, String headSha, String status, String conclusion, String title,
                           String summary) {
    }

    public record Reaction(String kind, long commentId, String content) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final OpenApiContract contract;
    private final RestShapes shapes;
    private final long appId;
    private final String slug;
    private final PublicKey appKey;
    private final Javalin server;
    private final AtomicLong ids = new AtomicLong(1000);

    public final Map<String, Repo> repos = new ConcurrentHashMap<>();
    public final Set<Long> installations = ConcurrentHashMap.newKeySet();
    public final Map<String, Long> tokens = new ConcurrentHashMap<>();
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();
    public final List<String> contractViolations = new CopyOnWriteArrayList<>();
    public final List<Review> reviews = new CopyOnWriteArrayList<>();
    public final List<ReviewComment> reviewComments = new CopyOnWriteArrayList<>();
    public final List<IssueComment> issueComments = new CopyOnWriteArrayList<>();
    public final List<CheckRun> checkRuns = new CopyOnWriteArrayList<>();
    public final List<Reaction> reactions = new CopyOnWriteArrayList<>();
    public final List<Fault> faults = new CopyOnWriteArrayList<>();
    public final Map<String, JsonNode> manifestCodes = new ConcurrentHashMap<>();
    public int pageSize = 30;

    public FakeGitHub(OpenApiContract contract, long appId, String slug, PublicKey appKey) {
        this.contract = contract;
        this.shapes = new RestShapes(contract);
        this.appId = appId;
        this.slug = slug;
        this.appKey = appKey;
        this.server = Javalin.create(c -> {
            c.routes.get("/app", ctx -> serve(ctx, "GET", "/app", this::getApp));
            c.routes.get("/app/installations/{installation_id}", ctx -> serve(ctx, "GET", "/app/installations/{installation_id}", this::getInstallation));
            c.routes.post("/app/installations/{installation_id}/access_tokens", ctx -> serve(ctx, "POST", "/app/installations/{installation_id}/access_tokens", this::createToken));
            c.routes.post("/app-manifests/{code}/conversions", ctx -> serve(ctx, "POST", "/app-manifests/{code}/conversions", this::convertManifest));
            c.routes.get("/repos/{owner}/{repo}", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}", this::getRepo));
            c.routes.get("/repos/{owner}/{repo}/contents/<path>", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}/contents/{path}", this::getContent));
            c.routes.get("/repos/{owner}/{repo}/collaborators/{username}/permission", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", this::getPermission));
            c.routes.get("/repos/{owner}/{repo}/pulls/{pull_number}", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}", this::getPull));
            c.routes.patch("/repos/{owner}/{repo}/pulls/{pull_number}", ctx -> serve(ctx, "PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", this::updatePull));
            c.routes.get("/repos/{owner}/{repo}/pulls/{pull_number}/files", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files", this::listFiles));
            c.routes.get("/repos/{owner}/{repo}/compare/{basehead}", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}/compare/{basehead}", this::compare));
            c.routes.get("/repos/{owner}/{repo}/pulls/{pull_number}/reviews", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", this::listReviews));
            c.routes.post("/repos/{owner}/{repo}/pulls/{pull_number}/reviews", ctx -> serve(ctx, "POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", this::createReview));
            c.routes.put("/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}", ctx -> serve(ctx, "PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}", this::updateReview));
            c.routes.get("/repos/{owner}/{repo}/pulls/{pull_number}/comments", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}/comments", this::listReviewComments));
            c.routes.post("/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies", ctx -> serve(ctx, "POST", "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies", this::reply));
            c.routes.patch("/repos/{owner}/{repo}/pulls/comments/{comment_id}", ctx -> serve(ctx, "PATCH", "/repos/{owner}/{repo}/pulls/comments/{comment_id}", this::updateReviewComment));
            c.routes.get("/repos/{owner}/{repo}/issues/{issue_number}/comments", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", this::listIssueComments));
            c.routes.post("/repos/{owner}/{repo}/issues/{issue_number}/comments", ctx -> serve(ctx, "POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", this::createIssueComment));
            c.routes.patch("/repos/{owner}/{repo}/issues/comments/{comment_id}", ctx -> serve(ctx, "PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", this::updateIssueComment));
            c.routes.post("/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", ctx -> serve(ctx, "POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", x -> react(x, "issue")));
            c.routes.post("/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", ctx -> serve(ctx, "POST", "/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", x -> react(x, "review")));
            c.routes.get("/repos/{owner}/{repo}/commits/{ref}/check-runs", ctx -> serve(ctx, "GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", this::listCheckRuns));
            c.routes.post("/repos/{owner}/{repo}/check-runs", ctx -> serve(ctx, "POST", "/repos/{owner}/{repo}/check-runs", this::createCheckRun));
            c.routes.patch("/repos/{owner}/{repo}/check-runs/{check_run_id}", ctx -> serve(ctx, "PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}", this::updateCheckRun));
        }).start(0);
    }

    public URI apiUrl() {
        return URI.create("http://localhost:" + server.port());
    }

    public String botLogin() {
        return slug + "[bot]";
    }

    public Repo repo(String fullName) {
        return repos.computeIfAbsent(fullName, Repo::new);
    }

    public Pr pull(String fullName, int number, String headSha) {
        Pr pr = new Pr(number, headSha);
        repo(fullName).pulls.put(number, pr);
        return pr;
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    public void failNext(String method, String pathPrefix, int status, Map<String, String> headers, String body) {
        faults.add(new Fault(method, pathPrefix, status, headers, body));
    }

    public List<Recorded> requests(String method, String pathPart) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    // --- request plumbing -------------------------------------------------------------------------------------

    /** A reply: status, body, headers. */
    record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body, Map.of());
        }

        static Reply created(JsonNode body) {
            return new Reply(201, body, Map.of());
        }

        static Reply error(int status, String message) {
            return new Reply(status, JsonNodeFactory.instance.objectNode().put("message", message)
                    .put("documentation_url", "https://docs.github.com/rest"), Map.of());
        }
    }

    @FunctionalInterface
    interface Operation {
        Reply apply(Context ctx) throws Exception;
    }

    private void serve(Context ctx, String method, String template, Operation operation) throws Exception {
        String raw = ctx.body();
        JsonNode body = raw.isBlank() ? null : json.readTree(raw);
        requests.add(new Recorded(method, ctx.path(), ctx.queryString(), body, ctx.header("Authorization")));
        if (body != null) {
            contract.checkRequest(method, template, body).forEach(v -> contractViolations.add(method + " " + ctx.path() + ": " + v));
        }
        for (Fault fault : faults) {
            if (fault.method().equals(method) && ctx.path().startsWith(fault.pathPrefix())) {
                faults.remove(fault);
                fault.headers().forEach(ctx::header);
                ctx.status(fault.status()).contentType("application/json").result(fault.body());
                return;
            }
        }
        Reply auth = template.startsWith("/app-manifests") ? null
                : template.startsWith("/app") ? checkJwt(ctx) : checkToken(ctx);
        Reply reply = auth != null ? auth : operation.apply(ctx);
        if (reply.status() / 100 == 2 && reply.body() != null) {
            contract.checkResponse(method, template, reply.status(), reply.body())
                    .forEach(v -> contractViolations.add("response to " + method + " " + ctx.path() + ": " + v));
        }
        reply.headers().forEach(ctx::header);
        ctx.status(reply.status()).contentType("application/json");
        if (reply.body() != null) ctx.result(json.writeValueAsString(reply.body()));
    }

    private Reply checkJwt(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) return Reply.error(401, "A JSON web token could not be decoded");
        try {
            Claims claims = Jwts.parser().verifyWith(appKey).build().parseSignedClaims(header.substring(7)).getPayload();
            Instant now = Instant.now();
            if (!claims.getIssuer().equals(Long.toString(appId))) return Reply.error(401, "'Issuer' claim ('iss') must be the App id");
            if (claims.getExpiration().toInstant().isAfter(now.plusSeconds(600))) {
                return Reply.error(401, "'Expiration time' claim ('exp') is too far in the future");
            }
            if (claims.getIssuedAt().toInstant().isAfter(now)) return Reply.error(401, "'Issued at' claim ('iat') must be in the past");
            return null;
        } catch (RuntimeException e) {
            return Reply.error(401, "A JSON web token could not be decoded: " + e.getMessage());
        }
    }

    private Reply checkToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ") || !tokens.containsKey(header.substring(7))) {
            return Reply.error(401, "Bad credentials");
        }
        return null;
    }

    private Repo repoOf(Context ctx) {
        Repo repo = repos.get(ctx.pathParam("owner") + "/" + ctx.pathParam("repo"));
        if (repo == null) throw new io.javalin.http.NotFoundResponse("Not Found");
        return repo;
    }

    private Pr prOf(Context ctx, String param) {
        Pr pr = repoOf(ctx).pulls.get(Integer.parseInt(ctx.pathParam(param)));
        if (pr == null) throw new io.javalin.http.NotFoundResponse("Not Found");
        return pr;
    }

    /** One page of a list, with GitHub's Link header when more follow. */
    private Reply page(Context ctx, List<JsonNode> items) {
        int perPage = Math.min(100, ctx.queryParam("per_page") == null ? pageSize : Integer.parseInt(ctx.queryParam("per_page")));
        perPage = Math.min(perPage, pageSize);
        int page = ctx.queryParam("page") == null ? 1 : Integer.parseInt(ctx.queryParam("page"));
        int from = Math.min(items.size(), (page - 1) * perPage);
        int to = Math.min(items.size(), from + perPage);
        ArrayNode out = json.createArrayNode();
        items.subList(from, to).forEach(out::add);
        Map<String, String> headers = new LinkedHashMap<>();
        if (to < items.size()) {
            String url = "%s%s?per_page=%d&page=%d".formatted(apiUrl(), ctx.path(), perPage, page + 1);
            headers.put("Link", "<%s>; rel=\"next\"".formatted(url));
        }
        return new Reply(200, out, headers);
    }

    private String authorOf(Context ctx) {
        return tokens.containsKey(ctx.header("Authorization").substring(7)) ? botLogin() : "someone";
    }

    // --- operations ------------------------------------------------------------------------------------------

    private Reply getApp(Context ctx) {
        ObjectNode app = (ObjectNode) contract.example("integration");
        app.put("id", appId);
        app.put("slug", slug);
        return Reply.ok(app);
    }

    private Reply getInstallation(Context ctx) {
        long id = Long.parseLong(ctx.pathParam("installation_id"));
        if (!installations.contains(id)) return Reply.error(404, "Not Found");
        ObjectNode installation = (ObjectNode) contract.example("base-installation");
        installation.put("id", id);
        installation.put("app_id", appId);
        return Reply.ok(installation);
    }

    private Reply createToken(Context ctx) {
        long id = Long.parseLong(ctx.pathParam("installation_id"));
        if (!installations.contains(id)) return Reply.error(404, "Not Found");
        String token = "ghs_" + Long.toHexString(nextId()) + "x".repeat(20);
        tokens.put(token, id);
        ObjectNode body = (ObjectNode) contract.example("installation-token");
        body.put("token", token);
        body.put("expires_at", Instant.now().plusSeconds(3600).toString());
        return Reply.created(body);
    }

    private Reply convertManifest(Context ctx) {
        JsonNode app = manifestCodes.remove(ctx.pathParam("code"));
        if (app == null) return Reply.error(404, "Not Found");
        ObjectNode body = (ObjectNode) contract.example("integration-from-manifest");
        app.fields().forEachRemaining(e -> body.set(e.getKey(), e.getValue()));
        return Reply.created(body);
    }

    private Reply getRepo(Context ctx) {
        Repo repo = repoOf(ctx);
        ObjectNode body = (ObjectNode) contract.example("full-repository-default-response");
        body.put("full_name", repo.fullName);
        body.put("default_branch", repo.defaultBranch);
        body.put("language", "Java");
        for (String nested : List.of("template_repository", "parent", "source")) {
            if (body.get(nested) instanceof ObjectNode repoNode) repoNode.put("language", "Java");
        }
        return Reply.ok(body);
    }

    private Reply getContent(Context ctx) {
        Repo repo = repoOf(ctx);
        String ref = ctx.queryParam("ref") == null ? repo.defaultBranch : ctx.queryParam("ref");
        String path = ctx.pathParam("path");
        String text = repo.files.getOrDefault(ref, Map.of()).get(path);
        if (text == null) return Reply.error(404, "Not Found");
        ObjectNode body = (ObjectNode) contract.example("content-file-response-if-content-is-a-file");
        body.put("path", path);
        body.put("name", path.substring(path.lastIndexOf('/') + 1));
        body.put("encoding", "base64");
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        body.put("content", encoded.replaceAll("(.{60})", "$1\n"));
        body.put("size", text.length());
        return Reply.ok(body);
    }

    private Reply getPermission(Context ctx) {
        Repo repo = repoOf(ctx);
        String login = ctx.pathParam("username");
        String permission = repo.permissions.get(login);
        if (permission == null) return Reply.error(404, "Not Found"); // not a collaborator
        ObjectNode body = (ObjectNode) contract.example("repository-collaborator-permission-response-if-user-has-admin-permissions");
        body.put("permission", permission);
        body.put("role_name", permission);
        ((ObjectNode) body.path("user")).put("login", login);
        return Reply.ok(body);
    }

    private Reply getPull(Context ctx) {
        return Reply.ok(shapes.pullJson(repoOf(ctx), prOf(ctx, "pull_number")));
    }

    private Reply updatePull(Context ctx) throws Exception {
        Pr pr = prOf(ctx, "pull_number");
        JsonNode body = json.readTree(ctx.body());
        if (body.has("body")) pr.body = body.get("body").asText();
        if (body.has("title")) pr.title = body.get("title").asText();
        return Reply.ok(shapes.pullJson(repoOf(ctx), pr));
    }

    private Reply listFiles(Context ctx) {
        return page(ctx, prOf(ctx, "pull_number").files.stream().map(shapes::fileJson).toList());
    }

    private Reply compare(Context ctx) {
        Compare compare = repoOf(ctx).compares.get(ctx.pathParam("basehead"));
        if (compare == null) return Reply.error(404, "Not Found");
        ObjectNode body = (ObjectNode) contract.example("commit-comparison");
        body.put("status", compare.status());
        ArrayNode files = body.putArray("files");
        compare.files().forEach(f -> files.add(shapes.fileJson(f)));
        return Reply.ok(body);
    }

    private Reply listReviews(Context ctx) {
        Pr pr = prOf(ctx, "pull_number");
        return page(ctx, reviews.stream().filter(r -> r.pr() == pr.number).map(shapes::reviewJson).toList());
    }

    private Reply createReview(Context ctx) throws Exception {
        Pr pr = prOf(ctx, "pull_number");
        JsonNode body = json.readTree(ctx.body());
        Set<String> valid = pr.commentableLines();
        for (JsonNode c : body.path("comments")) {
            String side = c.path("side").asText("RIGHT");
            int line = c.path("line").asInt();
            int start = c.has("start_line") ? c.get("start_line").asInt() : line;
            for (int l = start; l <= line; l++) {
                if (!valid.contains(c.path("path").asText() + ":" + side + ":" + l)) {
                    Reply refused = Reply.error(422, "Unprocessable Entity");
                    ((ObjectNode) refused.body()).putArray("errors").add("Line could not be resolved");
                    return refused;
                }
            }
        }
        Review review = new Review(nextId(), pr.number, body.path("body").asText(""), body.path("commit_id").asText(pr.headSha), authorOf(ctx));
        reviews.add(review);
        for (JsonNode c : body.path("comments")) {
            reviewComments.add(new ReviewComment(nextId(), pr.number, review.id(), c.path("path").asText(),
                    c.has("start_line") ? c.get("start_line").asInt() : null, c.path("line").asInt(), c.path("side").asText("RIGHT"),
                    c.path("body").asText(), review.author(), null));
        }
        return Reply.ok(shapes.reviewJson(review));
    }

    private Reply updateReview(Context ctx) throws Exception {
        long id = Long.parseLong(ctx.pathParam("review_id"));
        Review old = reviews.stream().filter(r -> r.id() == id).findFirst().orElse(null);
        if (old == null) return Reply.error(404, "Not Found");
        Review updated = new Review(id, old.pr(), json.readTree(ctx.body()).path("body").asText(), old.commitId(), old.author());
        reviews.set(reviews.indexOf(old), updated);
        return Reply.ok(shapes.reviewJson(updated));
    }

    private Reply listReviewComments(Context ctx) {
        Pr pr = prOf(ctx, "pull_number");
        return page(ctx, reviewComments.stream().filter(c -> c.pr() == pr.number).map(shapes::reviewCommentJson).toList());
    }

    private Reply reply(Context ctx) throws Exception {
        Pr pr = prOf(ctx, "pull_number");
        long to = Long.parseLong(ctx.pathParam("comment_id"));
        ReviewComment parent = reviewComments.stream().filter(c -> c.id() == to).findFirst().orElse(null);
        if (parent == null) return Reply.error(404, "Not Found");
        ReviewComment reply = new ReviewComment(nextId(), pr.number, nextId(), parent.path(), null, parent.line(), parent.side(),
                json.readTree(ctx.body()).path("body").asText(), authorOf(ctx), to);
        reviewComments.add(reply);
        return Reply.created(shapes.reviewCommentJson(reply));
    }

    private Reply updateReviewComment(Context ctx) throws Exception {
        long id = Long.parseLong(ctx.pathParam("comment_id"));
        ReviewComment old = reviewComments.stream().filter(c -> c.id() == id).findFirst().orElse(null);
        if (old == null) return Reply.error(404, "Not Found");
        ReviewComment updated = new ReviewComment(id, old.pr(), old.reviewId(), old.path(), old.startLine(), old.line(), old.side(),
                json.readTree(ctx.body()).path("body").asText(), old.author(), old.inReplyTo());
        reviewComments.set(reviewComments.indexOf(old), updated);
        return Reply.ok(shapes.reviewCommentJson(updated));
    }

    private Reply listIssueComments(Context ctx) {
        int issue = Integer.parseInt(ctx.pathParam("issue_number"));
        repoOf(ctx);
        return page(ctx, issueComments.stream().filter(c -> c.issue() == issue).map(shapes::issueCommentJson).toList());
    }

    private Reply createIssueComment(Context ctx) throws Exception {
        repoOf(ctx);
        IssueComment comment = new IssueComment(nextId(), Integer.parseInt(ctx.pathParam("issue_number")),
                json.readTree(ctx.body()).path("body").asText(), authorOf(ctx));
        issueComments.add(comment);
        return Reply.created(shapes.issueCommentJson(comment));
    }

    private Reply updateIssueComment(Context ctx) throws Exception {
        long id = Long.parseLong(ctx.pathParam("comment_id"));
        IssueComment old = issueComments.stream().filter(c -> c.id() == id).findFirst().orElse(null);
        if (old == null) return Reply.error(404, "Not Found");
        IssueComment updated = new IssueComment(id, old.issue(), json.readTree(ctx.body()).path("body").asText(), old.author());
        issueComments.set(issueComments.indexOf(old), updated);
        return Reply.ok(shapes.issueCommentJson(updated));
    }

    private Reply react(Context ctx, String kind) throws Exception {
        String content = json.readTree(ctx.body()).path("content").asText();
        reactions.add(new Reaction(kind, Long.parseLong(ctx.pathParam("comment_id")), content));
        ObjectNode body = (ObjectNode) contract.example("reaction");
        body.put("content", content);
        return Reply.created(body);
    }

    private Reply listCheckRuns(Context ctx) {
        Repo repo = repoOf(ctx);
        String ref = ctx.pathParam("ref");
        String name = ctx.queryParam("check_name");
        List<JsonNode> runs = checkRuns.stream().filter(r -> r.repo().equals(repo.fullName) && r.headSha().equals(ref)
                && (name == null || r.name().equals(name))).map(shapes::checkRunJson).toList();
        ObjectNode body = json.createObjectNode();
        body.put("total_count", runs.size());
        body.putArray("check_runs").addAll(runs);
        return Reply.ok(body);
    }

    private Reply createCheckRun(Context ctx) throws Exception {
        Repo repo = repoOf(ctx);
        JsonNode body = json.readTree(ctx.body());
        CheckRun run = new CheckRun(nextId(), repo.fullName, body.path("name").asText(), body.path("head_sha").asText(),
                body.path("status").asText("queued"), body.path("conclusion").asText(null),
                body.path("output").path("title").asText(""), body.path("output").path("summary").asText(""));
        checkRuns.add(run);
        return Reply.created(shapes.checkRunJson(run));
    }

    private Reply updateCheckRun(Context ctx) throws Exception {
        long id = Long.parseLong(ctx.pathParam("check_run_id"));
        CheckRun old = checkRuns.stream().filter(r -> r.id() == id).findFirst().orElse(null);
        if (old == null) return Reply.error(404, "Not Found");
        JsonNode body = json.readTree(ctx.body());
        CheckRun updated = new CheckRun(id, old.repo(), old.name(), old.headSha(), body.path("status").asText(old.status()),
                body.path("conclusion").asText(old.conclusion()), body.path("output").path("title").asText(old.title()),
                body.path("output").path("summary").asText(old.summary()));
        checkRuns.set(checkRuns.indexOf(old), updated);
        return Reply.ok(shapes.checkRunJson(updated));
    }
}
