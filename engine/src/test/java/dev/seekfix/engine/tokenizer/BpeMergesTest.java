package dev.seekfix.engine.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranked merging on a tiny in-memory vocabulary. */
class BpeMergesTest {

    private static Tokenizer tokenizer(List<String> tokens, List<String> merges) {
        TokenType[] types = new TokenType[tokens.size()];
        Arrays.fill(types, TokenType.NORMAL);
        return new Tokenizer(new Vocabulary(tokens, types), PreTokenizer.DEEPSEEK_LLM, merges,
                new SpecialTokens(OptionalInt.empty(), OptionalInt.empty(), new int[0], false, false), Optional.empty());
    }

    @Test
    void lowerRankMergesFirst() {
        //                                  0    1    2    3     4      5
        Tokenizer t = tokenizer(List.of("a", "b", "c", "ab", "bc", "abc"), List.of("a b", "ab c", "b c"));
        assertThat(t.encode("abc")).containsExactly(5);
        // with "b c" ranked first, "a b" can no longer apply and there is no merge for (a, bc)
        Tokenizer reversed = tokenizer(List.of("a", "b", "c", "ab", "bc", "abc"), List.of("b c", "a b", "ab c"));
        assertThat(reversed.encode("abc")).containsExactly(0, 4);
    }

    @Test
    void equalRanksMergeLeftmostFirst() {
        Tokenizer t = tokenizer(List.of("a", "aa"), List.of("a a"));
        assertThat(t.encode("aaa")).containsExactly(1, 0);
        assertThat(t.encode("aaaa")).containsExactly(1, 1);
    }

    @Test
    void mergesAreRecheckedAfterNeighboursGrow() {
        // "ab" forms first; the queued pair (b, c) is then stale and "ab c" must be used instead
        Tokenizer t = tokenizer(List.of("a", "b", "c", "ab", "bc", "abc"), List.of("a b", "b c", "ab c"));
        assertThat(t.encode("abc")).containsExactly(5);
        assertThat(t.encode("bcab")).containsExactly(4, 3);
    }

    @Test
    void aMergeResultMissingFromTheVocabularyFallsBackToSingleByteTokens() {
        Tokenizer t = tokenizer(List.of("a", "b"), List.of("a b"));
        assertThat(t.encode("ab")).containsExactly(0, 1);
    }

    @Test
    void bytesAreMergedAsTheirGpt2Symbols() {
        // " a" is the symbols Ġ a; the merge line is written in symbols as well
        Tokenizer t = tokenizer(List.of("Ġ", "a", "Ġa"), List.of("Ġ a"));
        assertThat(t.encode(" a")).containsExactly(2);
        assertThat(t.decode(new int[] {2, 1}, false)).isEqualTo(" aa");
    }

    @Test
    void theFirstLineOfADuplicatedPairKeepsItsRank() {
        Tokenizer t = tokenizer(List.of("a", "b", "c", "ab", "bc"), List.of("b c", "a b", "b c"));
        assertThat(t.encode("abc")).containsExactly(0, 4);
    }
}
