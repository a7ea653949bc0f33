package dev.seekfix.bot.app;

import dev.seekfix.bot.fake.ScriptedCodeModel;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalReviewTest {
    @TempDir
    Path dir;

    @Test
    void reviewsTheBranchDiffFromItsMergeBaseAndPrintsFindings() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("src/Calc.java"), "class Calc {\n    int add(int a, int b) { return a + b; }\n}\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("base").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.checkout().setCreateBranch(true).setName("feature").call();
            Files.writeString(dir.resolve("src/Calc.java"),
                    "class Calc {\n    int add(int a, int b) { return a + b; }\n    int div(int a, int b) { return a / b; }\n}\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("div").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        ScriptedCodeModel model = new ScriptedCodeModel(8192).answer("""
                {"findings":[{"path":"src/Calc.java","start_line":null,"line":3,"side":"RIGHT","severity":"critical",
                "category":"bug","confidence":0.9,"title":"division by zero","body":"b may be 0.","suggestion":null}]}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int findings = new LocalReview(model).run(dir, "main", "feature", new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(findings).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("src/Calc.java:3 [critical] division by zero")
                .contains("Reviewed 1 file(s)").contains("scripted-test-model");
        assertThat(model.requests.getFirst().messages().get(1).content()).contains("|+    int div(int a, int b)");
    }

    @Test
    void anUnknownRefSaysWhichFlagToCheck() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("a.txt"), "a\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("a").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        assertThatThrownBy(() -> new LocalReview(new ScriptedCodeModel(8192)).run(dir, "develop", "HEAD", System.out))
                .hasMessageContaining("'develop' is not a commit").hasMessageContaining("--base/--head");
    }
}
