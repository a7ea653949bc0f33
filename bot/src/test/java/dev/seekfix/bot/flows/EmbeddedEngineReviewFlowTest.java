package dev.seekfix.bot.flows;

import dev.seekfix.bot.fake.FakeGitHub;
import dev.seekfix.bot.fake.Pr;
import dev.seekfix.bot.fake.PrFile;
import dev.seekfix.bot.fake.OpenApiContract;
import dev.seekfix.bot.fake.TestBot;
import dev.seekfix.bot.fake.Webhooks;
import dev.seekfix.bot.model.EmbeddedCodeModel;
import dev.seekfix.engine.api.Backend;
import dev.seekfix.engine.api.EngineOptions;
import dev.seekfix.engine.api.LanguageModel;
import dev.seekfix.engine.api.Models;
import dev.seekfix.webhooks.queue.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole path with nothing scripted but GitHub: a pull_request delivery through the real handler, a real
 * in-process engine (the built-in random-weight demo model) answering under the findings schema's constraint,
 * validation, and one review posted. Random weights say nothing useful, so the test checks the path, not the
 * words: the constrained answer parses, whatever it claims is validated, and the review says it came from the demo.
 */
class EmbeddedEngineReviewFlowTest {

    private static final String REPO = "acme/widgets";
    private static final String HEAD = "b2".repeat(20);

    @TempDir
    Path dataDir;

    @Test
    void demoModelOnTheEmbeddedEngineProducesOneValidatedReview() throws Exception {
        assumeTrue(OpenApiContract.file().isPresent() && Webhooks.file().isPresent(),
                "shared/fixtures/github is missing: this end-to-end test needs GitHub's OpenAPI description");
        Path demo = Models.demoModel(dataDir);
        try (LanguageModel engine = Models.local().load(demo, new EngineOptions(Backend.CPU, 2, 0));
             TestBot bot = new TestBot(dataDir, new EmbeddedCodeModel(engine))) {
            assertThat(engine.info().randomWeights()).isTrue();
            FakeGitHub github = bot.github;
            github.repo(REPO).file("main", ".github/seekfix.yml", "review:\n  max_model_calls: 1\n");
            Pr pr = github.pull(REPO, 9, HEAD);
            pr.files = new ArrayList<>(List.of(new PrFile("src/Calc.java", "modified", """
                    @@ -1,3 +1,4 @@
                     public class Calc {
                    -    int add(int a, int b) { return a - b; }
                    +    int add(int a, int b) { return a + b; }
                    +    int div(int a, int b) { return a / b; }
                     }""")));

            Outcome outcome = bot.bot.handler().handle(
                    Webhooks.delivery("pull_request", Webhooks.pullRequest("opened", REPO, 9, HEAD, TestBot.INSTALLATION)));

            assertThat(outcome).isInstanceOf(Outcome.Done.class);
            assertThat(github.reviews).hasSize(1);
            FakeGitHub.Review review = github.reviews.getFirst();
            assertThat(review.commitId()).isEqualTo(HEAD);
            assertThat(review.body()).contains("<!-- seekfix:review pr=9 head=" + HEAD + " -->").containsIgnoringCase("demo");
            assertThat(github.reviewComments).allSatisfy(c -> {
                assertThat(c.path()).isEqualTo("src/Calc.java");
                assertThat(c.line()).isBetween(1, 4);
            });
            assertThat(github.contractViolations).isEmpty();
        }
    }
}
