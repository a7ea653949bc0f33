package dev.seekfix.engine.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seekfix.engine.api.OutputConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matcher over a small synthetic vocabulary whose tokens cross grammar boundaries and split characters. */
class TokenMatcherTest {

    private static final String SCHEMA = """
            {"type":"object","properties":{"side":{"enum":["LEFT","RIGHT"]},"n":{"type":"integer","minimum":1,"maximum":30},
             "title":{"type":"string","maxLength":5},"tags":{"type":"array","items":{"type":"string"},"maxItems":3}},
             "required":["side","n"]}""";

    private final List<byte[]> tokens = new ArrayList<>();
    private final int eos;
    private final int control;
    private final int sideDuplicate;
    private final int halfA;
    private final int halfB;
    private final GrammarVocabulary vocabulary;

    TokenMatcherTest() {
        for (int b = 0; b < 256; b++) {
            tokens.add(new byte[] {(byte) b});
        }
        for (String t : new String[] {"{\"", "\":", "\",\"", "\"},{\"", "\"}", "LEFT", "RIGHT", "side", "n", "title",
                "tags", "\":[\"", "\"]}", "12", " {\"", "\\n", "\\u00", "ab", "abc", "abcdef", "😀", "é"}) {
            tokens.add(t.getBytes(StandardCharsets.UTF_8));
        }
        byte[] smile = "😀".getBytes(StandardCharsets.UTF_8);
        tokens.add(new byte[] {smile[0], smile[1]}); // partial UTF-8: first half of an emoji
        tokens.add(new byte[] {smile[2], smile[3]}); // and its second half
        halfA = tokens.size() - 2;
        halfB = tokens.size() - 1;
        tokens.add("side".getBytes(StandardCharsets.UTF_8)); // a duplicate byte string
        sideDuplicate = tokens.size() - 1;
        tokens.add("<|begin|>".getBytes(StandardCharsets.UTF_8)); // a control token: never text
        control = tokens.size() - 1;
        tokens.add(new byte[0]);
        eos = tokens.size() - 1;
        BitSet text = new BitSet();
        text.set(0, control);
        vocabulary = new GrammarVocabulary(tokens.toArray(byte[][]::new), text, eos);
    }

    private TokenMatcher matcher() {
        return new ConstraintCompiler(TokenIndex.of(vocabulary), JsonWhitespace.COMPACT)
                .compile(new OutputConstraint.JsonSchema(SCHEMA)).newMatcher();
    }

    @Test
    void everyMaskEqualsTheBruteForceMaskAlongRandomWalks() {
        Random random = new Random(11);
        for (int walk = 0; walk < 40; walk++) {
            TokenMatcher m = matcher();
            for (int step = 0; step < 400 && !m.isTerminated(); step++) {
                BitSet mask = m.allowedTokens();
                assertThat(mask).as("walk %d step %d", walk, step).isEqualTo(MaskOracle.bruteForce(m, vocabulary));
                assertThat(mask.get(eos)).isEqualTo(m.isComplete());
                int id = MaskOracle.sample(mask.toLongArray(), random);
                assertThat(m.accept(id)).isTrue();
            }
        }
    }

    @Test
    void matchersOfOneConstraintRunConcurrently() throws Exception {
        TokenConstraint constraint = new ConstraintCompiler(TokenIndex.of(vocabulary), JsonWhitespace.FLEXIBLE)
                .compile(new OutputConstraint.JsonSchema(SCHEMA));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                runs.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int checked = 0;
                    for (int walk = 0; walk < 10; walk++) {
                        TokenMatcher m = constraint.newMatcher();
                        while (!m.isTerminated()) {
                            BitSet mask = m.allowedTokens();
                            if (!mask.equals(MaskOracle.bruteForce(m, vocabulary))) {
                                throw new AssertionError("mask differs from brute force in thread " + seed);
                            }
                            checked++;
                            m.accept(MaskOracle.sample(mask.toLongArray(), random));
                        }
                    }
                    return checked;
                }));
            }
            for (var run : runs) {
                assertThat(run.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acceptsTokensThatSplitACharacterInsideAString() {
        TokenMatcher m = matcher();
        for (int id : ids("{\"side\":\"LEFT\",\"n\":3,\"title\":\"")) {
            assertThat(m.accept(id)).isTrue();
        }
        assertThat(m.isAllowed(halfB)).as("second half first").isFalse();
        assertThat(m.accept(halfA)).isTrue();
        assertThat(m.allowedTokens().get(halfA)).as("no new character before the first ends").isFalse();
        assertThat(m.accept(halfB)).isTrue();
        assertThat(m.accept(ids("\"}").getFirst())).isTrue();
        assertThat(m.isComplete()).isTrue();
        assertThat(m.isTerminated()).isTrue();
        assertThat(m.allowedTokens().stream().toArray()).containsExactly(eos);
    }

    @Test
    void refusesWithoutMovingAndAllowsEosOnlyWhenComplete() {
        TokenMatcher m = matcher();
        assertThat(m.accept(eos)).isFalse();
        assertThat(m.accept('[')).isFalse();
        assertThat(m.accept(control)).as("a control token").isFalse();
        assertThat(m.accept('{')).isTrue();
        assertThat(m.isComplete()).isFalse();
        for (int id : ids("\"side\":\"RIGHT\",\"n\":30")) {
            assertThat(m.accept(id)).isTrue();
        }
        assertThat(m.accept('1')).as("31 is above the maximum").isFalse();
        assertThat(m.accept('}')).isTrue();
        assertThat(m.isTerminated()).isTrue();
        assertThat(m.accept(eos)).isTrue();
        assertThat(m.allowedTokens().isEmpty()).isTrue();
        assertThat(m.accept(eos)).isFalse();
    }

    @Test
    void duplicateByteStringsAreBothAllowed() {
        TokenMatcher m = matcher();
        m.accept(ids("{\"").getFirst());
        BitSet mask = m.allowedTokens();
        assertThat(mask.get(sideDuplicate)).isTrue();
        assertThat(mask.get(ids("side").getFirst())).isTrue();
    }

    @Test
    void forcedBytesRunUntilAChoice() {
        TokenMatcher m = matcher();
        m.accept('{');
        assertThat(new String(m.forcedBytes(64), StandardCharsets.UTF_8)).isEqualTo("\"side\":\"");
        assertThat(m.forcedBytes(3)).hasSize(3);
    }

    @Test
    void unconstrainedAllowsEveryTextTokenAndEos() {
        TokenMatcher m = new ConstraintCompiler(TokenIndex.of(vocabulary), JsonWhitespace.COMPACT)
                .compile(OutputConstraint.NONE).newMatcher();
        BitSet expected = (BitSet) vocabulary.textTokens().clone();
        expected.set(eos);
        assertThat(m.allowedTokens()).isEqualTo(expected);
        assertThat(m.accept(halfA)).isTrue(); // half a character is fine without a constraint
        assertThat(m.allowedTokens()).isEqualTo(expected);
    }

    /** Ids of the longest tokens spelling {@code text} in the synthetic vocabulary. */
    private List<Integer> ids(String text) {
        return MaskOracle.greedyTokens(text, vocabulary);
    }

}
