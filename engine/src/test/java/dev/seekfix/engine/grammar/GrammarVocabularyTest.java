package dev.seekfix.engine.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GrammarVocabularyTest {

    @Test
    void deepSeekTextTokensLeaveOutControlAndPaddingButKeepTheRelocatedByteSymbols() {
        GrammarVocabulary v = FixtureVocabulary.deepSeek();
        assertThat(v.size()).isEqualTo(102_400);
        assertThat(v.eosId()).isEqualTo(100_001);
        assertThat(v.textTokens().get(100_000)).as("BOS").isFalse();
        assertThat(v.textTokens().get(100_001)).as("EOS").isFalse();
        assertThat(v.textTokens().get(100_015)).as("[PAD100015]").isFalse();
        assertThat(v.textTokens().get(102_399)).isFalse();
        assertThat(v.textTokens().get(100_014)).as("ü").isTrue();
        assertThat(new String(v.tokenBytes()[100_014], StandardCharsets.UTF_8)).isEqualTo("ü");
        assertThat(v.textTokens().cardinality()).isEqualTo(100_013);
        assertThat(v.maskWords()).isEqualTo(1600);
    }

    @Test
    void trieHoldsEveryTextTokenOnceWithSharedPrefixes() {
        TokenIndex index = TokenIndex.of(FixtureVocabulary.deepSeek());
        assertThat(index.trieNodes()).isBetween(200_000, 215_000); // CONSTRAINED-DECODING.md measured 211,921 + root
        assertThat(index.sliceSize()).isGreaterThan(95_000);
    }
}
