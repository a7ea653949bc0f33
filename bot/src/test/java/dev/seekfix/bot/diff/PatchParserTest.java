package dev.seekfix.bot.diff;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatchParserTest {
    final PatchParser parser = new PatchParser();

    @Test
    void numbersOldAndNewLinesThroughSeveralHunks() {
        List<Hunk> hunks = parser.parse("""
                @@ -1,3 +1,3 @@ class A
                 a
                -b
                +B
                 c
                @@ -10 +10,2 @@
                 x
                +y""", "A.java");

        assertThat(hunks).hasSize(2);
        assertThat(hunks.get(0).header()).isEqualTo("class A");
        assertThat(hunks.get(0).lines()).containsExactly(
                new DiffLine(DiffLine.Kind.CONTEXT, 1, 1, "a"), new DiffLine(DiffLine.Kind.REMOVED, 2, 0, "b"),
                new DiffLine(DiffLine.Kind.ADDED, 0, 2, "B"), new DiffLine(DiffLine.Kind.CONTEXT, 3, 3, "c"));
        assertThat(hunks.get(1).oldCount()).isEqualTo(1);
        assertThat(hunks.get(1).lines().getLast()).isEqualTo(new DiffLine(DiffLine.Kind.ADDED, 0, 11, "y"));
    }

    @Test
    void skipsNoNewlineMarkers() {
        List<Hunk> hunks = parser.parse("@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file", "f");
        assertThat(hunks.getFirst().lines()).hasSize(2);
    }

    @Test
    void findsCommentableLinesPerSide() {
        Hunk hunk = parser.parse("@@ -1,2 +1,2 @@\n-a\n+b\n c", "f").getFirst();
        assertThat(hunk.commentable(Side.LEFT, 1)).isPresent();
        assertThat(hunk.commentable(Side.RIGHT, 1)).isPresent();
        assertThat(hunk.commentable(Side.RIGHT, 3)).isEmpty();
        assertThat(hunk.range(Side.RIGHT, 1, 2)).hasValueSatisfying(r -> assertThat(r).hasSize(2));
        assertThat(hunk.range(Side.RIGHT, 1, 3)).isEmpty();
    }

    @Test
    void rejectsAPatchWhoseHunkIsShorterThanItsHeaderSays() {
        assertThatThrownBy(() -> parser.parse("@@ -1,3 +1,3 @@\n a", "src/X.java"))
                .isInstanceOf(MalformedPatchException.class).hasMessageContaining("src/X.java").hasMessageContaining("promises 3 old");
    }

    @Test
    void rendersBothLineNumbersForThePrompt() {
        FileDiff file = new FileDiff("f.txt", java.util.Optional.empty(), "modified", 1, 1, true,
                parser.parse("@@ -1,2 +1,2 @@\n-a\n+b\n c", "f.txt"));
        assertThat(NumberedDiff.render(file)).isEqualTo("""
                ## File: f.txt [modified]
                @@ -1,2 +1,2 @@
                    1       |-a
                          1 |+b
                    2     2 | c
                """);
    }

    @Test
    void ignoreGlobsMatchNestedAndTopLevelPaths() {
        assertThat(new PathGlob("**/*.lock").matches("Cargo.lock")).isTrue();
        assertThat(new PathGlob("**/*.lock").matches("a/b/yarn.lock")).isTrue();
        assertThat(new PathGlob("dist/**").matches("dist/app.js")).isTrue();
        assertThat(new PathGlob("dist/**").matches("src/dist.js")).isFalse();
    }
}
