package dev.seekfix.bot.flows;

import dev.seekfix.bot.fake.FakeGitHub;
import dev.seekfix.bot.fake.Pr;
import dev.seekfix.bot.fake.Compare;
import dev.seekfix.bot.fake.PrFile;
import dev.seekfix.bot.fake.OpenApiContract;
import dev.seekfix.bot.fake.ScriptedCodeModel;
import dev.seekfix.bot.fake.TestBot;
import dev.seekfix.bot.fake.Webhooks;
import dev.seekfix.webhooks.queue.Delivery;
import dev.seekfix.webhooks.queue.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A signed-off delivery goes through the real handler, HTTP and the fake GitHub; the model is scripted. */
class ReviewFlowTest {
    static final String REPO = "acme/widgets";
    static final String HEAD = "a1".repeat(20);
    static final String CALC_PATCH = """
            @@ -1,4 +1,7 @@
             public class Calc {
            -    int add(int a, int b) { return a - b; }
            +    int add(int a, int b) {
            +        return a - b;
            +    }
                 int mul(int a, int b) { return a * b; }
            +    int div(int a, int b) { return a / b; }
             }""";
    static final String UTIL_PATCH = """
            @@ -10,3 +10,4 @@ class Util {
                 static int one() { return 1; }
            +    static int two() { return 3; }
                 static int three() { return 3; }
             }""";

    @TempDir
    Path dataDir;
    ScriptedCodeModel model;
    TestBot bot;
    FakeGitHub github;

    @BeforeEach
    void startFakeGitHub() {
        assumeTrue(OpenApiContract.file().isPresent() && Webhooks.file().isPresent(),
                "shared/fixtures/github is missing: these end-to-end tests need GitHub's OpenAPI description and webhook examples");
        model = new ScriptedCodeModel(16_384);
        bot = new TestBot(dataDir, model);
        github = bot.github;
        github.repo(REPO)
                .file("main", ".github/seekfix.yml", "review:\n  min_confidence: 0.5\n")
                .file("feature", ".github/seekfix.yml", "review:\n  max_comments: 0\n");
        Pr pr = github.pull(REPO, 7, HEAD);
        pr.files = new ArrayList<>(List.of(new PrFile("src/Calc.java", "modified", CALC_PATCH),
                new PrFile("src/Util.java", "modified", UTIL_PATCH)));
    }

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
    }

    static String finding(String path, Integer start, int line, String side, String severity, double confidence, String title,
                          String suggestion) {
        return """
                {"path":"%s","start_line":%s,"line":%d,"side":"%s","severity":"%s","category":"bug","confidence":%s,
                 "title":"%s","body":"Explained.","suggestion":%s}""".formatted(path, start == null ? "null" : start, line, side,
                severity, confidence, title, suggestion == null ? "null" : "\"" + suggestion.replace("\n", "\\n") + "\"");
    }

    static String findings(String... items) {
        return "{\"findings\":[" + String.join(",", items) + "]}";
    }

    Outcome deliver(Delivery delivery) throws Exception {
        return bot.bot.handler().handle(delivery);
    }

    @Test
    void openedPullRequestGetsOneReviewWithCommentsOnlyOnValidLines() throws Exception {
        model.answer("Sure! Here is my review: {findings: [oops",
                findings(
                        finding("src/Calc.java", null, 3, "RIGHT", "major", 0.9, "add subtracts instead of adding",
                                "    int add(int a, int b) {\n        return a + b;\n    }"),
                        finding("src/Calc.java", null, 40, "RIGHT", "minor", 0.8, "Calc has no tests", null),
                        finding("src/Calc.java", null, 6, "RIGHT", "critical", 0.95, "division by zero is not handled", null),
                        finding("src/Calc.java", null, 5, "RIGHT", "nit", 0.3, "mul could be static", null)),
                findings());

        Outcome outcome = deliver(Webhooks.delivery("pull_request", Webhooks.pullRequest("opened", REPO, 7, HEAD, TestBot.INSTALLATION)));

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(github.reviews).hasSize(1);
        FakeGitHub.Review review = github.reviews.getFirst();
        assertThat(review.commitId()).isEqualTo(HEAD);
        assertThat(review.author()).isEqualTo(github.botLogin());
        assertThat(review.body()).contains("<!-- seekfix:review pr=7 head=" + HEAD + " -->")
                .contains("Findings outside the diff").contains("`src/Calc.java:40`").contains("Calc has no tests")
                .contains("scripted-test-model");
        assertThat(github.reviewComments).extracting(FakeGitHub.ReviewComment::line).containsExactly(6, 3);
        FakeGitHub.ReviewComment suggestion = github.reviewComments.get(1);
        assertThat(suggestion.body()).contains("```suggestion\n        return a + b;\n```")
                .doesNotContain("int add(int a, int b) {\n        return a + b;");
        assertThat(github.reviewComments).noneMatch(c -> c.body().contains("mul could be static"));
        assertThat(github.checkRuns).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo("completed");
            assertThat(run.conclusion()).isEqualTo("neutral");
            assertThat(run.headSha()).isEqualTo(HEAD);
        });
        assertThat(github.requests("GET", "/contents/.github/seekfix.yml")).allMatch(r -> r.query().contains("ref=main"));
        assertThat(github.contractViolations).isEmpty();
    }

    @Test
    void configComesFromTheDefaultBranchEvenWhenThePullRequestChangesIt() throws Exception {
        github.repo(REPO).pulls.get(7).files.add(new PrFile(".github/seekfix.yml", "modified",
                "@@ -1,2 +1,2 @@\n review:\n-  min_confidence: 0.5\n+  max_comments: 0"));
        model.answer(findings(finding("src/Calc.java", null, 6, "RIGHT", "critical", 0.95, "division by zero", null)));

        deliver(Webhooks.delivery("pull_request", Webhooks.pullRequest("opened", REPO, 7, HEAD, TestBot.INSTALLATION)));

        assertThat(github.reviewComments).hasSize(1);
    }

    @Test
    void redeliveryAndSecondPushDoNotDuplicateComments() throws Exception {
        String repeated = finding("src/Calc.java", null, 6, "RIGHT", "critical", 0.95, "division by zero is not handled", null);
        model.answer(findings(repeated));
        Delivery opened = Webhooks.delivery("pull_request", Webhooks.pullRequest("opened", REPO, 7, HEAD, TestBot.INSTALLATION));
        deliver(opened);
        Outcome again = deliver(opened);
        assertThat(again).isInstanceOf(Outcome.Done.class);
        assertThat(github.reviews).hasSize(1);
        int callsAfterFirst = model.requests.size();

        String newHead = "c2".repeat(20);
        Pr pr = github.repo(REPO).pulls.get(7);
        pr.headSha = newHead;
        String utilAfterPush = """
                @@ -10,3 +10,5 @@ class Util {
                     static int one() { return 1; }
                +    static int two() { return 3; }
                +    static int four() { return 4; }
                     static int three() { return 3; }
                 }""";
        pr.files.set(1, new PrFile("src/Util.java", "modified", utilAfterPush));
        github.repo(REPO).compares.put(HEAD + "..." + newHead, new Compare("ahead", List.of(
                new PrFile("src/Util.java", "modified",
                        "@@ -11,2 +11,3 @@\n     static int two() { return 3; }\n+    static int four() { return 4; }\n     static int three() { return 3; }"))));
        model.answer(findings(repeated.replace("\"line\":6", "\"line\":6"),
                finding("src/Util.java", null, 11, "RIGHT", "major", 0.9, "two returns three", "    static int two() { return 2; }")));
        var push = Webhooks.pullRequest("synchronize", REPO, 7, newHead, TestBot.INSTALLATION);
        push.put("before", HEAD).put("after", newHead);

        deliver(Webhooks.delivery("pull_request", push));

        assertThat(model.requests).hasSize(callsAfterFirst + 1);
        String incrementalPrompt = model.requests.getLast().messages().get(1).content();
        assertThat(incrementalPrompt).contains("src/Util.java").doesNotContain("src/Calc.java");
        assertThat(github.reviews).hasSize(2);
        assertThat(github.reviews.get(1).body()).contains("(incremental)").contains("1 finding raised earlier on this pull request is not repeated");
        assertThat(github.requests("POST", "/access_tokens")).as("one installation token, cached across deliveries").hasSize(1);
        assertThat(github.reviewComments).extracting(FakeGitHub.ReviewComment::path)
                .containsExactly("src/Calc.java", "src/Util.java");
        assertThat(github.contractViolations).isEmpty();
    }

    @Test
    void rateLimitResponsesAreWaitedOut() throws Exception {
        github.failNext("POST", "/repos/acme/widgets/pulls/7/reviews", 403, Map.of("Retry-After", "7"),
                "{\"message\":\"You have exceeded a secondary rate limit.\"}");
        github.failNext("GET", "/repos/acme/widgets/pulls/7/files", 429,
                Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", Long.toString(java.time.Instant.now().getEpochSecond() + 30)),
                "{\"message\":\"API rate limit exceeded\"}");
        model.answer(findings(finding("src/Calc.java", null, 6, "RIGHT", "critical", 0.95, "division by zero", null)));

        Outcome outcome = deliver(Webhooks.delivery("pull_request", Webhooks.pullRequest("opened", REPO, 7, HEAD, TestBot.INSTALLATION)));

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(bot.waits).anySatisfy(w -> assertThat(w.toSeconds()).isEqualTo(7));
        assertThat(bot.waits).anySatisfy(w -> assertThat(w.toSeconds()).isBetween(25L, 32L));
        assertThat(github.reviews).hasSize(1);
    }

    @Test
    void reviewRefusedByGitHubIsPostedAgainWithTheCommentsInItsBody() throws Exception {
        github.failNext("POST", "/repos/acme/widgets/pulls/7/reviews", 422,
                Map.of(), "{\"message\":\"Unprocessable Entity\",\"errors\":[\"Line could not be resolved\"]}");
        model.answer(findings(finding("src/Calc.java", null, 6, "RIGHT", "critical", 0.95, "division by zero", null)));

        deliver(Webhooks.delivery("pull_request", Webhooks.pullRequest("opened", REPO, 7, HEAD, TestBot.INSTALLATION)));

        assertThat(github.reviews).singleElement().satisfies(r -> assertThat(r.body()).contains("division by zero"));
        assertThat(github.reviewComments).isEmpty();
    }

    @Test
    void largePullRequestIsReviewedWithinBudgetAndListsSkippedFiles() throws Exception {
        Pr pr = github.repo(REPO).pulls.get(7);
        pr.files.clear();
        for (int i = 0; i < 400; i++) {
            StringBuilder patch = new StringBuilder("@@ -1,1 +1,40 @@\n class F%d {\n".formatted(i));
            for (int l = 0; l < 39; l++) patch.append("+    int field%d = %d; // some code that costs tokens\n".formatted(l, l));
            pr.files.add(new PrFile("src/F%03d.java".formatted(i), "added", patch.toString().strip()));
        }
        pr.files.add(new PrFile("package-lock.json", "modified", "@@ -1 +1 @@\n-{}\n+{ }"));
        pr.files.add(new PrFile("logo.png", "added", null));
        github.pageSize = 100;

        deliver(Webhooks.delivery("pull_request", Webhooks.pullRequest("opened", REPO, 7, HEAD, TestBot.INSTALLATION)));

        assertThat(model.requests).hasSizeLessThanOrEqualTo(6);
        assertThat(github.requests("GET", "/pulls/7/files")).hasSize(5);
        String body = github.reviews.getFirst().body();
        assertThat(body).contains("over the review budget of 6 model calls").contains("`logo.png`")
                .contains("generated, lock or vendored file").containsPattern("Files: \\d+ reviewed, \\d+ skipped");
        for (var request : model.requests) {
            int promptTokens = request.messages().stream().mapToInt(m -> model.countTokens(m.content())).sum();
            assertThat(promptTokens + request.maxTokens()).isLessThanOrEqualTo(model.contextTokens());
        }
    }

    @Test
    void draftsAreSkippedUnlessAsked() throws Exception {
        github.repo(REPO).pulls.get(7).draft = true;

        Outcome outcome = deliver(Webhooks.delivery("pull_request", Webhooks.pullRequest("opened", REPO, 7, HEAD, TestBot.INSTALLATION)));

        assertThat(outcome).isInstanceOf(Outcome.Ignored.class);
        assertThat(github.reviews).isEmpty();
        assertThat(model.requests).isEmpty();
    }
}
