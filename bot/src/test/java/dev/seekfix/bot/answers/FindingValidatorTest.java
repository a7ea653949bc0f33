package dev.seekfix.bot.answers;

import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.PatchParser;
import dev.seekfix.bot.diff.Side;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FindingValidatorTest {
    static final String PATCH = """
            @@ -1,4 +1,7 @@
             class A {
            -    void f() { g(); }
            +    void f() {
            +        g();
            +    }
                 void h() {}
            +    void k() {}
             }""";
    final Map<String, FileDiff> diff = Map.of("A.java", new FileDiff("A.java", Optional.empty(), "modified", 4, 1, true,
            new PatchParser().parse(PATCH, "A.java")));
    final FindingValidator validator = new FindingValidator();

    static Finding finding(int line, Integer start, Side side, Finding.Severity severity, double confidence, String title, String suggestion) {
        return new Finding("A.java", start, line, side, severity, "bug", confidence, title, "Because.", suggestion);
    }

    ReviewVerdict validate(Finding... findings) {
        return validator.validate(List.of(findings), diff, 0.6, 10, Set.of());
    }

    @Test
    void movesLinesOutsideTheDiffToTheBody() {
        ReviewVerdict v = validate(finding(30, null, Side.RIGHT, Finding.Severity.MAJOR, 0.9, "far away", null),
                finding(9, null, Side.LEFT, Finding.Severity.MAJOR, 0.9, "no such old line", null));
        assertThat(v.inline()).isEmpty();
        assertThat(v.notes()).extracting(ReviewVerdict.Placed::reason)
                .containsExactly("line 30 (new) is outside the diff", "line 9 (old) is outside the diff");
    }

    @Test
    void keepsLeftSideCommentsOnRemovedLinesWithoutSuggestions() {
        ReviewVerdict v = validate(finding(2, null, Side.LEFT, Finding.Severity.MINOR, 0.9, "removed call", "x"));
        assertThat(v.inline()).singleElement().satisfies(f -> assertThat(f.suggestion()).isNull());
    }

    @Test
    void stripsRepeatedContextAndRestoresIndentationOfSuggestions() {
        ReviewVerdict v = validate(finding(3, null, Side.RIGHT, Finding.Severity.MAJOR, 0.9, "g needs an argument",
                "    void f() {\ng(1);\n    }"));
        assertThat(v.inline()).singleElement().satisfies(f -> assertThat(f.suggestion()).isEqualTo("        g(1);"));
    }

    @Test
    void dropsASuggestionThatChangesNothing() {
        ReviewVerdict v = validate(finding(3, null, Side.RIGHT, Finding.Severity.MAJOR, 0.9, "same", "        g();"));
        assertThat(v.inline()).singleElement().satisfies(f -> assertThat(f.suggestion()).isNull());
    }

    @Test
    void dropsAStartLineOutsideTheHunkAndItsSuggestion() {
        ReviewVerdict v = validate(finding(3, 1, Side.RIGHT, Finding.Severity.MAJOR, 0.9, "range", "x"));
        assertThat(v.inline()).singleElement().satisfies(f -> {
            assertThat(f.startLine()).isEqualTo(1);
            assertThat(f.suggestion()).isEqualTo("x");
        });
        ReviewVerdict outside = validator.validate(List.of(finding(3, 0, Side.RIGHT, Finding.Severity.MAJOR, 0.9, "range", "x")),
                diff, 0.6, 10, Set.of());
        assertThat(outside.inline()).singleElement().satisfies(f -> {
            assertThat(f.startLine()).isNull();
            assertThat(f.suggestion()).isNull();
        });
    }

    @Test
    void dropsLowConfidenceFillerRepeatsAndOverflowMostSevereFirst() {
        ReviewVerdict v = validator.validate(List.of(
                finding(2, null, Side.RIGHT, Finding.Severity.NIT, 0.9, "naming", null),
                finding(3, null, Side.RIGHT, Finding.Severity.CRITICAL, 0.7, "null dereference", null),
                finding(4, null, Side.RIGHT, Finding.Severity.MAJOR, 0.5, "unsure", null),
                finding(5, null, Side.RIGHT, Finding.Severity.MINOR, 0.9, "Looks good to me", null),
                finding(6, null, Side.RIGHT, Finding.Severity.MAJOR, 0.9, "already said", null),
                finding(6, null, Side.RIGHT, Finding.Severity.MAJOR, 0.8, "leak", null)),
                diff, 0.6, 2, Set.of(Fingerprints.of("A.java", "Already said!")));
        assertThat(v.inline()).extracting(Finding::title).containsExactly("null dereference", "leak");
        assertThat(v.dropped()).extracting(ReviewVerdict.Placed::reason).containsExactlyInAnyOrder(
                "confidence 0.50 is below review.min_confidence 0.60", "not a finding (praise or filler)",
                "already raised on this pull request", "over review.max_comments (2)");
    }
}
