package dev.seekfix.engine.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ExpansionTest {

    @Test
    void acceptsTheEncodingOfEveryScalarValueAndNothingElseOfThatLength() {
        Automata any = Automata.of(Utf8Expansion.of(CodePointSet.ALL));
        for (int cp = 0; cp <= CodePointSet.MAX; cp++) {
            boolean scalar = cp < 0xD800 || cp > 0xDFFF;
            if (scalar) {
                assertThat(any.matches(Character.toString(cp).getBytes(StandardCharsets.UTF_8)))
                        .as("U+%04X", cp).isTrue();
            }
        }
    }

    @Test
    void rejectsOverlongSurrogateAndOutOfRangeSequences() {
        Automata any = Automata.of(Utf8Expansion.of(CodePointSet.ALL));
        assertThat(any.matches(bytes(0xC0, 0x80))).isFalse(); // overlong NUL
        assertThat(any.matches(bytes(0xE0, 0x80, 0x80))).isFalse(); // overlong
        assertThat(any.matches(bytes(0xED, 0xA0, 0x80))).isFalse(); // U+D800
        assertThat(any.matches(bytes(0xF4, 0x90, 0x80, 0x80))).isFalse(); // above U+10FFFF
        assertThat(any.matches(bytes(0xF5, 0x80, 0x80, 0x80))).isFalse();
        assertThat(any.matches(bytes(0x80))).isFalse();
        assertThat(any.matches(bytes(0xE2, 0x82))).isFalse(); // truncated
    }

    @Test
    void expandsArbitraryRangesExactly() {
        CodePointSet set = CodePointSet.of(0x41, 0x5A, 0x3B1, 0x3C9, 0x7FF, 0x801, 0xFFF0, 0x10010, 0x1F600, 0x1F64F);
        Automata a = Automata.of(Utf8Expansion.of(set));
        for (int cp = 0; cp <= 0x20000; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            assertThat(a.matches(Character.toString(cp))).as("U+%04X", cp).isEqualTo(set.contains(cp));
        }
    }

    @Test
    void complementLeavesOutSurrogatesAndTheExcludedCharacters() {
        CodePointSet notQuote = CodePointSet.single('"').complement();
        assertThat(notQuote.contains('"')).isFalse();
        assertThat(notQuote.contains('a')).isTrue();
        assertThat(notQuote.contains(0xD800)).isFalse();
        assertThat(notQuote.contains(0x10FFFF)).isTrue();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
