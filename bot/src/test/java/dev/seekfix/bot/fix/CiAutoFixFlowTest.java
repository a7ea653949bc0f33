package dev.seekfix.bot.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seekfix.bot.ci.JobLogFixtures;
import dev.seekfix.webhooks.queue.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a failing CI event through the fixer against a fake GitHub, with scripted model answers. */
class CiAutoFixFlowTest {

    @TempDir
    Path tmp;

    private FixFlow flow;
    private FakeCiGitHub gh;

    static final String HEAD = "1".repeat(40);
    static final String BASE = "b".repeat(40);

    static final String GREETER = """
            package com.acme;

            public final class Greeter {
                private final String greeting;

                public Greeter(String greeting) {
                    this.greeting = greeting;
                }

                public String greet(String name) {
                    String message = greeting + ", ";
                    return message + nme;
                }
            }
            """;
    static final String GREETER_PR_PATCH = """
            @@ -9,5 +9,5 @@
             
                 public String greet(String name) {
                     String message = greeting + ", ";
            -        return message + name;
            +        return message + nme;
                 }""";
    static final String GREETER_FIX = """
            --- a/src/main/java/com/acme/Greeter.java
            +++ b/src/main/java/com/acme/Greeter.java
            @@ -10,4 +10,4 @@
                 public String greet(String name) {
                     String message = greeting + ", ";
            -        return message + nme;
            +        return message + name;
                 }
            """;

    @BeforeEach
    void start() {
        flow = new FixFlow(tmp);
        gh = flow.github;
    }

    @AfterEach
    void stop() {
        flow.close();
    }

    private String comment() {
        assertThat(gh.comments).hasSize(1);
        return gh.comments.getFirst().body();
    }

    private FakeCiGitHub.Run mavenCompileFailure(String mode, int maxAttempts) {
        flow.config("fix: {auto: true, mode: " + mode + ", max_attempts: " + maxAttempts + "}\n");
        gh.files(HEAD, Map.of("src/main/java/com/acme/Greeter.java", GREETER,
                "src/main/java/com/acme/App.java", "package com.acme;\n", "pom.xml", "<project/>\n"));
        gh.pull(42, HEAD, BASE).file("src/main/java/com/acme/Greeter.java", GREETER_PR_PATCH);
        gh.checkOn(BASE, "build", "success");
        return gh.failedRun("CI", HEAD, "build", "Build with Maven", JobLogFixtures.read("maven-compile-error.log"));
    }

    @Test
    void aMavenCompileErrorGetsCommittableSuggestionsAndOneComment() throws Exception {
        FakeCiGitHub.Run run = mavenCompileFailure("suggest", 2);
        flow.model.answer("`nme` is a typo for the parameter `name`.", GREETER_FIX);

        Outcome outcome = flow.fixer.onCiCompleted(flow.context("workflow_run",
                flow.workflowRunPayload(run, List.of(42), "Ada", "Greet by name")));

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(gh.reviews).singleElement().satisfies(r -> {
            assertThat(r.commitId()).isEqualTo(HEAD);
            JsonNode c = r.comments().get(0);
            assertThat(c.path("path").asText()).isEqualTo("src/main/java/com/acme/Greeter.java");
            assertThat(c.path("line").asInt()).isEqualTo(12);
            assertThat(c.path("side").asText()).isEqualTo("RIGHT");
            assertThat(c.path("body").asText()).contains("```suggestion\n        return message + name;\n```");
        });
        assertThat(comment()).contains("caused by this pull request", "src/main/java/com/acme/Greeter.java:12:16",
                "cannot find symbol", "`nme` is a typo", "1 committable suggestion", "**Not verified**",
                "no verify command is configured", "Log excerpt", FixComment.marker(42, "build"));
        assertThat(gh.tokensSeenByLogStorage).containsOnly("");
        assertThat(flow.ledger.history(FakeCiGitHub.REPO, 42)).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(AttemptOutcome.FIX_UNVERIFIED));
        // the prompt carried the facts, the head file and the diff as untrusted data
        String prompt = flow.model.requests.getFirst().messages().get(1).content();
        assertThat(prompt).contains("cannot find symbol", "return message + nme;", "<untrusted-data source=\"ci-log\">");
        assertThat(flow.model.requests.getFirst().jsonSchema()).contains(FixPrompt.SCHEMA);
    }

    @Test
    void aPatchThatDoesNotApplyIsNeverPosted() throws Exception {
        FakeCiGitHub.Run run = mavenCompileFailure("suggest", 2);
        String stale = GREETER_FIX.replace("String message = greeting", "String msg = greeting");
        flow.model.answer("typo", stale).answer("typo again", stale);

        flow.fixer.onCiCompleted(flow.context("workflow_run", flow.workflowRunPayload(run, List.of(42), "Ada", "x")));

        assertThat(gh.reviews).isEmpty();
        assertThat(gh.requests("POST", "/git/")).isEmpty();
        assertThat(flow.model.requests).hasSize(2);
        assertThat(flow.model.requests.get(1).messages().get(1).content()).contains("Your previous patch was refused");
        assertThat(comment()).contains("**No fix found.**", "round 1: refused by the apply check", "exact context",
                "round 2").doesNotContain("```diff");
        assertThat(flow.ledger.history(FakeCiGitHub.REPO, 42).getFirst().outcome()).isEqualTo(AttemptOutcome.NO_FIX);
    }

    @Test
    void aJunitAssertionFailureBecomesAFixPullRequestIntoTheBranch() throws Exception {
        flow.config("fix: {auto: true, mode: pull_request, max_attempts: 2}\n");
        String greeter = "package com.acme;\n\npublic final class Greeter {\n    public String greet(String name) {\n"
                + "        return \"Hello, \" + name;\n    }\n}\n";
        String test = "package com.acme;\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
                + "import org.junit.jupiter.api.Test;\n\nclass GreeterTest {\n\n    @Test\n    void greetsByName() {\n"
                + "        Greeter greeter = new Greeter();\n\n        String greeting = greeter.greet(\"Ada\");\n"
                + "        assertEquals(\"Hello, Ada!\", greeting);\n    }\n}\n";
        gh.files(HEAD, Map.of("src/main/java/com/acme/Greeter.java", greeter,
                "src/test/java/com/acme/GreeterTest.java", test));
        gh.pull(7, HEAD, BASE).file("src/test/java/com/acme/GreeterTest.java", "@@ -0,0 +1,16 @@\n+package com.acme;");
        FakeCiGitHub.Run run = gh.failedRun("CI", HEAD, "test", "Run mvn -B test", JobLogFixtures.read("junit-assertion.log"));
        flow.model.answer("The greeting lacks the exclamation mark the new test expects.", """
                --- a/src/main/java/com/acme/Greeter.java
                +++ b/src/main/java/com/acme/Greeter.java
                @@ -4,3 +4,3 @@
                     public String greet(String name) {
                -        return "Hello, " + name;
                +        return "Hello, " + name + "!";
                     }
                """);

        flow.fixer.onCiCompleted(flow.context("workflow_run", flow.workflowRunPayload(run, List.of(7), "Ada", "Add test")));

        String branch = "seekfix/fix-" + HEAD.substring(0, 12);
        assertThat(gh.branches).containsKey(branch);
        FakeCiGitHub.Commit commit = gh.commits.get(gh.branches.get(branch));
        assertThat(commit.parents()).containsExactly(HEAD);
        assertThat(commit.message()).contains("Fix test for #7", FixLoopGuard.TRAILER);
        assertThat(gh.trees.get(commit.tree())).containsOnlyKeys("src/main/java/com/acme/Greeter.java");
        assertThat(gh.blobs.get(gh.trees.get(commit.tree()).get("src/main/java/com/acme/Greeter.java")))
                .contains("\"Hello, \" + name + \"!\"");
        assertThat(gh.treeBase.get(commit.tree())).isEqualTo("tree-" + HEAD);
        assertThat(gh.createdPulls).singleElement().satisfies(pr -> {
            assertThat(pr.path("base").path("ref").asText()).isEqualTo("feature");
            assertThat(pr.path("head").path("ref").asText()).isEqualTo(branch);
        });
        assertThat(comment()).contains("caused by this pull request", "com.acme.GreeterTest.greetsByName",
                "expected: <Hello, Ada!> but was: <Hello, Ada>", "pull request #", branch);
    }

    @Test
    void aPytestFailureIsCommittedOntoTheBranchWhenTheRepositoryAsksForCommits() throws Exception {
        flow.config("fix: {auto: true, mode: commit, max_attempts: 2}\n");
        String calc = "def divide(a, b):\n    return a // b\n";
        gh.files(HEAD, Map.of("src/calc/__init__.py", calc, "tests/test_calc.py",
                "from calc import divide\n\n\n\n\n\n\ndef test_divide():\n    assert divide(7, 2) == 3.5\n"));
        gh.pull(9, HEAD, BASE).file("tests/test_calc.py", "@@ -6,3 +6,4 @@\n+def test_divide():");
        FakeCiGitHub.Run run = gh.failedRun("CI", HEAD, "pytest", "Run python -m pytest", JobLogFixtures.read("pytest-failure.log"));
        flow.model.answer("Floor division drops the fraction.", """
                --- a/src/calc/__init__.py
                +++ b/src/calc/__init__.py
                @@ -1,2 +1,2 @@
                 def divide(a, b):
                -    return a // b
                +    return a / b
                """);

        flow.fixer.onCiCompleted(flow.context("workflow_run", flow.workflowRunPayload(run, List.of(9), "Ada", "Test")));

        String pushed = gh.branches.get("feature");
        assertThat(pushed).isNotEqualTo(HEAD);
        assertThat(gh.commits.get(pushed).parents()).containsExactly(HEAD);
        assertThat(gh.requests("PATCH", "/git/refs/heads/feature")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"force\":false"));
        assertThat(comment()).contains("tests/test_calc.py::test_divide", "assert 3 == 3.5", "commit ", "on `feature`");
    }

    @Test
    void aJestFailureWhoseFixLiesOutsideTheDiffPutsThePatchInTheComment() throws Exception {
        flow.config("fix: {auto: true, mode: suggest, max_attempts: 2}\n");
        gh.files(HEAD, Map.of("src/sum.js", "function sum(a, b) {\n  return a + b - 1;\n}\nmodule.exports = sum;\n",
                "src/sum.test.js", "const sum = require('./sum');\n\ndescribe('math', () => {\n  test('adds numbers', () => {\n"
                        + "    expect(sum(2, 2)).toBe(5);\n  });\n});\n"));
        gh.pull(11, HEAD, BASE).file("src/sum.test.js", "@@ -1,0 +1,7 @@\n+const sum = require('./sum');");
        FakeCiGitHub.Run run = gh.failedRun("CI", HEAD, "jest", "Run npm test", JobLogFixtures.read("jest-failure.log"));
        flow.model.answer("sum subtracts one.", """
                --- a/src/sum.js
                +++ b/src/sum.js
                @@ -1,3 +1,3 @@
                 function sum(a, b) {
                -  return a + b - 1;
                +  return a + b;
                 }
                """);

        flow.fixer.onCiCompleted(flow.context("workflow_run", flow.workflowRunPayload(run, List.of(11), "Ada", "Test")));

        assertThat(gh.reviews).isEmpty();
        assertThat(comment()).contains("math › adds numbers", "Expected: 5", "git apply", "outside this pull request's diff",
                "<details open><summary>Patch", "```diff", "-  return a + b - 1;", "+  return a + b;");
    }

    @Test
    void anInfrastructureFailureIsReportedAndNeverPatched() throws Exception {
        flow.config("fix: {auto: true, mode: suggest, max_attempts: 2}\n");
        gh.files(HEAD, Map.of("build.gradle", "plugins {}\n"));
        gh.pull(13, HEAD, BASE).file("build.gradle", "@@ -1 +1 @@\n-x\n+plugins {}");
        FakeCiGitHub.Run run = gh.failedRun("CI", HEAD, "gradle", "Run ./gradlew build",
                JobLogFixtures.read("infrastructure-network.log"));

        flow.fixer.onCiCompleted(flow.context("workflow_run", flow.workflowRunPayload(run, List.of(13), "Ada", "x")));

        assertThat(flow.model.requests).isEmpty();
        assertThat(gh.reviews).isEmpty();
        assertThat(comment()).contains("— infrastructure", "network error", "UnknownHostException", "never patched");
        assertThat(flow.ledger.history(FakeCiGitHub.REPO, 13).getFirst().outcome()).isEqualTo(AttemptOutcome.REPORTED);
    }

    @Test
    void aFailureThatAlsoFailsOnTheBaseIsReportedAsPreExisting() throws Exception {
        FakeCiGitHub.Run run = mavenCompileFailure("suggest", 2);
        gh.checkOn(BASE, "build", "failure");
        gh.checkRuns.removeIf(c -> c.headSha().equals(BASE) && c.conclusion().equals("success"));

        flow.fixer.onCiCompleted(flow.context("workflow_run", flow.workflowRunPayload(run, List.of(42), "Ada", "x")));

        assertThat(flow.model.requests).isEmpty();
        assertThat(comment()).contains("— pre-existing", "also fails on the base commit bbbbbbb", "`/fix`");
    }

    @Test
    void attemptCapsHoldPerHeadAndPerFailure() throws Exception {
        FakeCiGitHub.Run run = mavenCompileFailure("suggest", 1);
        flow.model.answer("typo", GREETER_FIX);
        flow.fixer.onCiCompleted(flow.context("workflow_run", flow.workflowRunPayload(run, List.of(42), "Ada", "x")));

        Outcome again = flow.fixer.onCiCompleted(flow.context("workflow_run",
                flow.workflowRunPayload(run, List.of(42), "Ada", "x")));
        assertThat(again).isInstanceOfSatisfying(Outcome.Done.class,
                d -> assertThat(d.summary()).contains("fix.max_attempts (1) reached"));

        // the same failure on a new head (a human pushed something else) is capped too
        String newHead = "2".repeat(40);
        gh.files(newHead, gh.filesAtCommit.get(HEAD));
        gh.pulls.get(42).headSha = newHead;
        FakeCiGitHub.Run rerun = gh.failedRun("CI", newHead, "build", "Build with Maven",
                JobLogFixtures.read("maven-compile-error.log"));
        Outcome third = flow.fixer.onCiCompleted(flow.context("workflow_run",
                flow.workflowRunPayload(rerun, List.of(42), "Ada", "x")));
        assertThat(((Outcome.Done) third).summary()).contains("1 on this failure");
        assertThat(flow.model.requests).hasSize(1);
        assertThat(gh.reviews).hasSize(1);
    }

    @Test
    void aRedeliveredEventDoesNotCountOrPublishTwice() throws Exception {
        FakeCiGitHub.Run run = mavenCompileFailure("suggest", 2);
        flow.model.answer("typo", GREETER_FIX);
        JsonNode payload = flow.workflowRunPayload(run, List.of(42), "Ada", "x");
        flow.fixer.onCiCompleted(flow.context("workflow_run", payload, "delivery-1", false));
        Outcome again = flow.fixer.onCiCompleted(flow.context("workflow_run", payload, "delivery-1", false));
        assertThat(((Outcome.Done) again).summary()).contains("already handled");
        assertThat(flow.ledger.history(FakeCiGitHub.REPO, 42)).hasSize(1);
        assertThat(gh.reviews).hasSize(1);
    }

    @Test
    void theLoopGuardIgnoresRunsOfSeekfixsOwnCommits() throws Exception {
        FakeCiGitHub.Run run = mavenCompileFailure("commit", 5);
        Outcome byBot = flow.fixer.onCiCompleted(flow.context("workflow_run",
                flow.workflowRunPayload(run, List.of(42), gh.botLogin, "Fix build for #42")));
        Outcome byTrailer = flow.fixer.onCiCompleted(flow.context("workflow_run",
                flow.workflowRunPayload(run, List.of(42), "Ada", "Fix build\n\n" + FixLoopGuard.TRAILER + " 42 1111111")));
        assertThat(byBot).isInstanceOfSatisfying(Outcome.Ignored.class, i -> assertThat(i.reason()).contains("loop guard"));
        assertThat(byTrailer).isInstanceOfSatisfying(Outcome.Ignored.class, i -> assertThat(i.reason()).contains("trailer"));
        assertThat(gh.requests("GET", "/actions/")).isEmpty();
        assertThat(flow.model.requests).isEmpty();
    }

    @Test
    void skipsWhenAHumanPushedSinceTheFailure() throws Exception {
        FakeCiGitHub.Run run = mavenCompileFailure("suggest", 2);
        gh.pulls.get(42).headSha = "3".repeat(40);
        Outcome outcome = flow.fixer.onCiCompleted(flow.context("workflow_run",
                flow.workflowRunPayload(run, List.of(), "Ada", "x")));
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Ignored.class,
                i -> assertThat(i.reason()).contains("no open pull request has the head 1111111"));
        assertThat(flow.model.requests).isEmpty();
    }

    @Test
    void findsAForkPullRequestByHeadShaAndSuggestsInsteadOfOpeningAPullRequest() throws Exception {
        FakeCiGitHub.Run run = mavenCompileFailure("pull_request", 2);
        gh.pulls.get(42).headRepo = "contributor/greeter";
        flow.model.answer("typo", GREETER_FIX);

        flow.fixer.onCiCompleted(flow.context("workflow_run", flow.workflowRunPayload(run, List.of(), "Ada", "x")));

        assertThat(gh.requests("GET", "/commits/" + HEAD + "/pulls")).hasSize(1);
        assertThat(gh.createdPulls).isEmpty();
        assertThat(gh.requests("POST", "/git/")).isEmpty();
        assertThat(gh.reviews).hasSize(1);
        assertThat(comment()).contains("cannot open a pull request into a fork's branch");
    }

    @Test
    void ignoresSuccessfulRunsAndActionsCheckSuites() throws Exception {
        FakeCiGitHub.Run run = mavenCompileFailure("suggest", 2);
        com.fasterxml.jackson.databind.node.ObjectNode ok = (com.fasterxml.jackson.databind.node.ObjectNode)
                flow.workflowRunPayload(run, List.of(42), "Ada", "x");
        ((com.fasterxml.jackson.databind.node.ObjectNode) ok.path("workflow_run")).put("conclusion", "success");
        assertThat(flow.fixer.onCiCompleted(flow.context("workflow_run", ok))).isInstanceOf(Outcome.Ignored.class);
        assertThat(flow.fixer.onCiCompleted(flow.context("check_suite",
                flow.checkSuitePayload(1, HEAD, "github-actions")))).isInstanceOf(Outcome.Ignored.class);
    }

    @Test
    void fixCommandFixesTheLatestFailedRunOfTheHead() throws Exception {
        mavenCompileFailure("commit", 2);
        gh.permissions.put("maintainer", "write");
        flow.model.answer("typo", GREETER_FIX);
        com.fasterxml.jackson.databind.node.ObjectNode payload = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        payload.put("action", "created").putObject("comment").put("body", "/fix").putObject("user").put("login", "maintainer");

        var reply = flow.fixer.onFixCommand(flow.context("issue_comment", payload), flow.repo.pullRequest(42));

        assertThat(reply).hasValueSatisfying(r -> assertThat(r).contains("Failing CI", "fix published", "commit"));
        assertThat(gh.branches.get("feature")).isNotEqualTo(HEAD);
        assertThat(flow.ledger.history(FakeCiGitHub.REPO, 42).getFirst().trigger()).isEqualTo("command");
    }
}
