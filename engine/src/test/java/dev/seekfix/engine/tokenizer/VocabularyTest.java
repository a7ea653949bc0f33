package dev.seekfix.engine.tokenizer;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vocabulary view that constrained decoding reads, checked against the figures measured independently in
 * CONSTRAINED-DECODING.md section 2.
 */
class VocabularyTest {

    @Test
    void textTokensAreTheNormalOnesPlusTheThirteenRelocatedByteSymbols() {
        Vocabulary v = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_LLM).vocabulary();
        int text = 0;
        for (int id = 0; id < v.size(); id++) if (v.isText(id)) text++;
        assertThat(text).isEqualTo(100_013);
        assertThat(v.isText(100_000)).as("BOS").isFalse();
        assertThat(v.isText(100_001)).as("EOS").isFalse();
        assertThat(v.isText(100_014)).as("ü").isTrue();
        assertThat(v.isText(100_015)).as("[PAD100015]").isFalse();
        assertThat(v.isText(102_399)).isFalse();
    }

    @Test
    void textTokenBytesMatchTheMeasuredShapeOfTheVocabulary() {
        Vocabulary v = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_LLM).vocabulary();
        int longest = 0;
        long total = 0;
        int count = 0;
        int invalidUtf8 = 0;
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (int id = 0; id < v.size(); id++) {
            if (!v.isText(id)) continue;
            byte[] b = v.tokenBytes(id);
            longest = Math.max(longest, b.length);
            total += b.length;
            count++;
            if (!isValidUtf8(b)) invalidUtf8++;
            if (!seen.add(new String(b, StandardCharsets.ISO_8859_1))) duplicates++;
        }
        assertThat(longest).isEqualTo(128);
        assertThat((double) total / count).isBetween(6.65, 6.75);
        assertThat(invalidUtf8).isEqualTo(553);
        assertThat(duplicates).isEqualTo(11);
    }

    @Test
    void tokenBytesAreGpt2DecodedForNormalTokensAndUtf8TextOtherwise() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_LLM);
        Vocabulary v = t.vocabulary();
        int spaceOpenBrace = t.encode(" {\"")[0];
        assertThat(spaceOpenBrace).isEqualTo(19408); // CONSTRAINED-DECODING.md: ` {"` is one token
        assertThat(v.text(19408)).isEqualTo("Ġ{\"");
        assertThat(v.tokenBytes(19408)).containsExactly(' ', '{', '"');
        assertThat(v.tokenBytes(100_014)).containsExactly(0xC3, 0xBC); // "ü" as text, not the byte 0xFC
        assertThat(new String(v.tokenBytes(100_000), StandardCharsets.UTF_8)).isEqualTo("<｜begin▁of▁sentence｜>");
        TokenBytes entry = v.token(100_015);
        assertThat(entry.type()).isEqualTo(TokenType.USER_DEFINED);
        assertThat(entry.text()).isFalse();
    }

    @Test
    void tokenBytesIsACopy() {
        Vocabulary v = FixtureTokenizers.load(FixtureTokenizers.MICRO).vocabulary();
        v.tokenBytes(65)[0] = 0;
        assertThat(v.tokenBytes(65)[0]).isNotEqualTo((byte) 0);
    }

    @Test
    void rejectsIdsOutsideTheVocabulary() {
        Vocabulary v = FixtureTokenizers.load(FixtureTokenizers.MICRO).vocabulary();
        assertThatThrownBy(() -> v.tokenBytes(4015)).hasMessageContaining("4015").hasMessageContaining("0..4014");
        assertThatThrownBy(() -> v.type(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static boolean isValidUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
