package dev.seekfix.bot.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchCheckTest {

    @TempDir
    Path scratch;

    private static final String GREETER = """
            package com.acme;

            public final class Greeter {
                private final String greeting;

                public Greeter(String greeting) {
                    this.greeting = greeting;
                }

                public String greet(String name) {
                    return greeting + ", " + nme;
                }
            }
            """;

    private final Map<String, String> head = Map.of(
            "src/main/java/com/acme/Greeter.java", GREETER,
            "README.md", "# greeter\n",
            ".github/workflows/ci.yml", "on: push\n");

    private PatchVerdict check(String patch) {
        return new PatchCheck(PatchLimits.DEFAULT, new SourceSyntax(), scratch)
                .check(patch, path -> Optional.ofNullable(head.get(path)));
    }

    private static final String GOOD = """
            --- a/src/main/java/com/acme/Greeter.java
            +++ b/src/main/java/com/acme/Greeter.java
            @@ -10,3 +10,3 @@
                 public String greet(String name) {
            -        return greeting + ", " + nme;
            +        return greeting + ", " + name;
                 }
            """;

    @Test
    void acceptsAPatchThatAppliesWithExactContextAndRegeneratesItsDiff() {
        PatchVerdict verdict = check(GOOD);
        assertThat(verdict).isInstanceOfSatisfying(PatchVerdict.Accepted.class, a -> {
            CheckedPatch patch = a.patch();
            assertThat(patch.paths()).containsExactly("src/main/java/com/acme/Greeter.java");
            assertThat(patch.changes().getFirst().after().orElseThrow()).contains("greeting + \", \" + name;");
            assertThat(patch.changedLines()).isEqualTo(2);
            assertThat(patch.diff()).startsWith("diff --git a/src/main/java/com/acme/Greeter.java b/src/main/java/com/acme/Greeter.java\n")
                    .contains("@@ -8,6 +8,6 @@").doesNotContain("index ");
        });
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void acceptsFencedPatchesWithMiscountedHunksAndWrongLineNumbers() {
        String sloppy = """
                Here is the fix:
                ```diff
                --- a/src/main/java/com/acme/Greeter.java
                +++ b/src/main/java/com/acme/Greeter.java
                @@ -3,9 +3,9 @@
                     public String greet(String name) {
                -        return greeting + ", " + nme;
                +        return greeting + ", " + name;
                     }
                ```
                This renames the variable.
                """;
        assertThat(check(sloppy)).isInstanceOf(PatchVerdict.Accepted.class);
    }

    @Test
    void rejectsAPatchWhoseContextDoesNotMatchTheHead() {
        String stale = """
                --- a/src/main/java/com/acme/Greeter.java
                +++ b/src/main/java/com/acme/Greeter.java
                @@ -10,3 +10,3 @@
                     public String greet(String who) {
                -        return greeting + ", " + nme;
                +        return greeting + ", " + who;
                     }
                """;
        assertThat(check(stale)).isInstanceOfSatisfying(PatchVerdict.Rejected.class, r -> {
            assertThat(r.check()).isEqualTo("apply");
            assertThat(r.reason()).contains("exact context").contains("Greeter.java");
        });
    }

    @Test
    void rejectsWorkflowChangesAndPathsOutsideTheRepository() {
        String workflow = """
                --- a/.github/workflows/ci.yml
                +++ b/.github/workflows/ci.yml
                @@ -1 +1 @@
                -on: push
                +on: workflow_dispatch
                """;
        assertThat(check(workflow)).isInstanceOfSatisfying(PatchVerdict.Rejected.class,
                r -> assertThat(r.reason()).contains(".github/workflows/ci.yml").contains("never changes"));
        String escape = """
                --- a/../etc/passwd
                +++ b/../etc/passwd
                @@ -1 +1 @@
                -root
                +toor
                """;
        assertThat(check(escape)).isInstanceOfSatisfying(PatchVerdict.Rejected.class,
                r -> assertThat(r.check()).isEqualTo("paths"));
    }

    @Test
    void rejectsPatchesOverTheSizeLimits() {
        StringBuilder big = new StringBuilder("--- /dev/null\n+++ b/src/Big.txt\n@@ -0,0 +1,300 @@\n");
        for (int i = 0; i < 300; i++) big.append("+line ").append(i).append('\n');
        assertThat(check(big.toString())).isInstanceOfSatisfying(PatchVerdict.Rejected.class, r -> {
            assertThat(r.check()).isEqualTo("size");
            assertThat(r.reason()).contains("300 lines, at most 200");
        });
    }

    @Test
    void rejectsAPatchThatBreaksJavaSyntax() {
        String broken = """
                --- a/src/main/java/com/acme/Greeter.java
                +++ b/src/main/java/com/acme/Greeter.java
                @@ -10,3 +10,3 @@
                     public String greet(String name) {
                -        return greeting + ", " + nme;
                +        return greeting + ", " + name
                     }
                """;
        assertThat(check(broken)).isInstanceOfSatisfying(PatchVerdict.Rejected.class, r -> {
            assertThat(r.check()).isEqualTo("syntax");
            assertThat(r.reason()).contains("line 11");
        });
    }

    @Test
    void addsAndDeletesFiles() {
        String patch = """
                --- /dev/null
                +++ b/src/main/resources/greeting.txt
                @@ -0,0 +1 @@
                +Hello
                --- a/README.md
                +++ /dev/null
                @@ -1 +0,0 @@
                -# greeter
                """;
        assertThat(check(patch)).isInstanceOfSatisfying(PatchVerdict.Accepted.class, a -> {
            assertThat(a.patch().changes()).extracting(FileChange::path)
                    .containsExactlyInAnyOrder("src/main/resources/greeting.txt", "README.md");
            assertThat(a.patch().changes()).filteredOn(FileChange::deleted).extracting(FileChange::path)
                    .containsExactly("README.md");
        });
    }

    @Test
    void rejectsTextThatIsNoDiff() {
        assertThat(check("I could not find a fix.")).isInstanceOfSatisfying(PatchVerdict.Rejected.class,
                r -> assertThat(r.check()).isEqualTo("format"));
    }

    @Test
    void rejectsChangesToFilesMissingAtTheHead() {
        String patch = """
                --- a/src/Missing.java
                +++ b/src/Missing.java
                @@ -1 +1 @@
                -a
                +b
                """;
        assertThat(check(patch)).isInstanceOfSatisfying(PatchVerdict.Rejected.class,
                r -> assertThat(r.reason()).contains("does not exist at the head"));
    }

    @Test
    void leavesNoScratchRepositoryBehind() throws Exception {
        check(GOOD);
        check("--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-# nope\n+# x\n");
        try (var entries = Files.list(scratch)) {
            assertThat(entries.toList()).isEqualTo(List.of());
        }
    }
}
