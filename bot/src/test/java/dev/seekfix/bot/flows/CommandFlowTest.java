package dev.seekfix.bot.flows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.bot.fake.FakeGitHub;
import dev.seekfix.bot.fake.Pr;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Commands from real-looking issue_comment and pull_request_review_comment payloads, through the fake GitHub. */
class CommandFlowTest {
    static final String REPO = ReviewFlowTest.REPO;
    static final String HEAD = ReviewFlowTest.HEAD;

    @TempDir
    Path dataDir;
    ScriptedCodeModel model;
    TestBot bot;
    FakeGitHub github;

    @BeforeEach
    void start() {
        assumeTrue(OpenApiContract.file().isPresent() && Webhooks.file().isPresent(),
                "shared/fixtures/github is missing: these end-to-end tests need GitHub's OpenAPI description and webhook examples");
        model = new ScriptedCodeModel(16_384);
        bot = new TestBot(dataDir, model);
        github = bot.github;
        github.repo(REPO).permissions.put("maintainer", "write");
        github.repo(REPO).permissions.put("reader", "read");
        Pr pr = github.pull(REPO, 7, HEAD);
        pr.files = new ArrayList<>(List.of(new PrFile("src/Calc.java", "modified", ReviewFlowTest.CALC_PATCH)));
    }

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
    }

    Outcome comment(String body, String login, String association, long id) throws Exception {
        return bot.bot.handler().handle(Webhooks.delivery("issue_comment",
                Webhooks.issueComment(REPO, 7, body, login, association, TestBot.INSTALLATION, id)));
    }

    @Test
    void reviewByANonCollaboratorIsRefusedPolitely() throws Exception {
        Outcome outcome = comment("/review", "drive-by", "CONTRIBUTOR", 501);

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(github.reactions).containsExactly(new FakeGitHub.Reaction("issue", 501, "eyes"));
        assertThat(github.issueComments).singleElement().satisfies(c -> {
            assertThat(c.author()).isEqualTo(github.botLogin());
            assertThat(c.body()).contains("@drive-by").contains("OWNER, MEMBER, COLLABORATOR").contains("CONTRIBUTOR");
        });
        assertThat(github.reviews).isEmpty();
        assertThat(model.requests).isEmpty();
    }

    @Test
    void reviewCommandByAnOwnerPostsAReviewAndAcknowledgesFirst() throws Exception {
        model.answer(ReviewFlowTest.findings(ReviewFlowTest.finding("src/Calc.java", null, 6, "RIGHT", "critical", 0.9,
                "division by zero is not handled", null)));

        comment("@seekfix-test review", "octocat", "OWNER", 502);

        assertThat(github.requests.stream().filter(r -> !r.path().startsWith("/app")).findFirst().orElseThrow().path())
                .isEqualTo("/repos/acme/widgets/issues/comments/502/reactions");
        assertThat(github.reviews).hasSize(1);
        assertThat(github.reviewComments).hasSize(1);
        assertThat(github.contractViolations).isEmpty();
    }

    @Test
    void commentsByBotsAndBySeekfixItselfAreIgnored() throws Exception {
        ObjectNode byBot = Webhooks.issueComment(REPO, 7, "/review", "dependabot[bot]", "NONE", TestBot.INSTALLATION, 503);
        ((ObjectNode) byBot.path("comment").path("user")).put("type", "Bot");
        ((ObjectNode) byBot.path("sender")).put("type", "Bot");
        ObjectNode byUs = Webhooks.issueComment(REPO, 7, "/help", github.botLogin(), "NONE", TestBot.INSTALLATION, 504);

        assertThat(bot.bot.handler().handle(Webhooks.delivery("issue_comment", byBot))).isInstanceOf(Outcome.Ignored.class);
        assertThat(bot.bot.handler().handle(Webhooks.delivery("issue_comment", byUs))).isInstanceOf(Outcome.Ignored.class);
        assertThat(github.requests).isEmpty();
    }

    @Test
    void fixNeedsWritePermissionEvenForAMember() throws Exception {
        comment("/fix", "reader", "MEMBER", 505);

        assertThat(github.issueComments).singleElement().satisfies(c ->
                assertThat(c.body()).contains("needs write permission").contains("(yours is read)"));
        assertThat(model.requests).isEmpty();
    }

    @Test
    void helpIsAnsweredOnceEvenWhenTheDeliveryComesAgain() throws Exception {
        Delivery help = Webhooks.delivery("issue_comment", Webhooks.issueComment(REPO, 7, "thanks!\n/help", "octocat", "OWNER",
                TestBot.INSTALLATION, 506));
        bot.bot.handler().handle(help);
        bot.bot.handler().handle(help);

        assertThat(github.issueComments).singleElement().satisfies(c ->
                assertThat(c.body()).contains("/describe").contains("<!-- seekfix:answer to=506 -->"));
    }

    @Test
    void unknownCommandGetsShortHelp() throws Exception {
        comment("/deploy now", "octocat", "OWNER", 507);

        assertThat(github.issueComments).singleElement().satisfies(c ->
                assertThat(c.body()).contains("`deploy` is not a seekfix command").contains("/help"));
    }

    @Test
    void invalidConfigGetsOneCommentQuotingTheErrorAndTheDefaults() throws Exception {
        github.repo(REPO).file("main", ".github/seekfix.yml", "review:\n  max_coments: 3\n");
        comment("/help", "octocat", "OWNER", 508);
        comment("/config", "octocat", "OWNER", 509);

        List<FakeGitHub.IssueComment> notices = github.issueComments.stream()
                .filter(c -> c.body().contains("could not use `.github/seekfix.yml`")).toList();
        assertThat(notices).singleElement().satisfies(c ->
                assertThat(c.body()).contains("unknown key 'review.max_coments'").contains("max_comments: 10"));
    }

    @Test
    void pauseStopsAutomaticReviewsUntilResume() throws Exception {
        comment("/pause", "octocat", "OWNER", 510);
        Outcome paused = bot.bot.handler().handle(Webhooks.delivery("pull_request",
                Webhooks.pullRequest("reopened", REPO, 7, HEAD, TestBot.INSTALLATION)));
        assertThat(paused).isInstanceOf(Outcome.Ignored.class);

        comment("/resume", "octocat", "OWNER", 511);
        Outcome resumed = bot.bot.handler().handle(Webhooks.delivery("pull_request",
                Webhooks.pullRequest("reopened", REPO, 7, HEAD, TestBot.INSTALLATION)));
        assertThat(resumed).isInstanceOf(Outcome.Done.class);
        assertThat(github.reviews).hasSize(1);
    }

    @Test
    void explainInAReviewThreadAnswersAboutThoseLinesInTheThread() throws Exception {
        github.reviewComments.add(new FakeGitHub.ReviewComment(900, 7, 899, "src/Calc.java", null, 3, "RIGHT", "hm", "octocat", null));
        ObjectNode payload = Webhooks.example("pull_request_review_comment", "created");
        payload.putObject("installation").put("id", TestBot.INSTALLATION);
        ((ObjectNode) payload.path("repository")).put("full_name", REPO);
        ((ObjectNode) payload.path("pull_request")).put("number", 7);
        ObjectNode c = (ObjectNode) payload.path("comment");
        c.put("id", 900).put("body", "/explain").put("path", "src/Calc.java").put("line", 3).putNull("start_line")
                .put("author_association", "OWNER");
        model.answer("It returns `a - b`, which subtracts.");

        bot.bot.handler().handle(Webhooks.delivery("pull_request_review_comment", payload));

        assertThat(github.reactions).containsExactly(new FakeGitHub.Reaction("review", 900, "eyes"));
        assertThat(model.requests.getFirst().messages().get(1).content()).contains("`src/Calc.java` line 3").contains("return a - b;");
        assertThat(github.reviewComments).filteredOn(r -> r.inReplyTo() != null).singleElement().satisfies(reply -> {
            assertThat(reply.inReplyTo()).isEqualTo(900L);
            assertThat(reply.body()).contains("subtracts").contains("scripted-test-model");
        });
        assertThat(github.contractViolations).isEmpty();
    }

    @Test
    void fixTurnsTheLastReviewsFindingsIntoSuggestions() throws Exception {
        model.answer(ReviewFlowTest.findings(ReviewFlowTest.finding("src/Calc.java", null, 3, "RIGHT", "major", 0.9,
                "add subtracts instead of adding", null)));
        comment("/review", "maintainer", "MEMBER", 512);
        model.answer("""
                {"fixes":[{"path":"src/Calc.java","start_line":3,"line":3,"replacement":"        return a + b;","explanation":"Add."}]}""");

        comment("/fix", "maintainer", "MEMBER", 513);

        assertThat(github.reviews).hasSize(2);
        assertThat(github.reviewComments).filteredOn(c -> c.reviewId() == github.reviews.get(1).id()).singleElement()
                .satisfies(s -> assertThat(s.body()).contains("```suggestion\n        return a + b;\n```"));
        assertThat(github.issueComments).anySatisfy(c -> assertThat(c.body()).contains("1 fix(es) for 1 finding(s)"));
    }
}
