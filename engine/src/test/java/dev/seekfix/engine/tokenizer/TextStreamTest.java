package dev.seekfix.engine.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Streaming detokenization of pieces that are partial UTF-8. */
class TextStreamTest {

    @Test
    void holdsBackBytesUntilACharacterIsComplete() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.MICRO);
        String text = "🦙🚀 naïve 你好 ✅";
        int[] ids = t.encode(text);
        TextStream stream = t.newTextStream(false);
        List<String> emitted = new ArrayList<>();
        int heldBack = 0;
        for (int id : ids) {
            String s = stream.add(id);
            if (stream.hasPendingBytes()) heldBack++;
            emitted.add(s);
            assertThat(s).doesNotContain("\uFFFD");
        }
        assertThat(heldBack).as("the micro vocab spells emoji with byte tokens").isPositive();
        assertThat(String.join("", emitted) + stream.finish()).isEqualTo(text);
    }

    @Test
    void anUnfinishedCharacterAtTheEndBecomesAReplacementCharacter() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.MICRO);
        TextStream stream = t.newTextStream(false);
        assertThat(stream.add(new byte[] {'o', 'k', (byte) 0xF0, (byte) 0x9F})).isEqualTo("ok");
        assertThat(stream.hasPendingBytes()).isTrue();
        assertThat(stream.finish()).isEqualTo("\uFFFD");
    }

    @Test
    void invalidBytesInTheMiddleAreReplacedWithoutStoppingTheStream() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.MICRO);
        TextStream stream = t.newTextStream(false);
        assertThat(stream.add(new byte[] {'a', (byte) 0xFF, 'b'})).isEqualTo("a\uFFFDb");
        assertThat(stream.finish()).isEmpty();
    }

    @Test
    void controlTokensAreSilentUnlessRendered() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.MICRO);
        assertThat(t.newTextStream(false).add(4014)).isEmpty();
        assertThat(t.newTextStream(true).add(4014)).isEqualTo("<｜end▁of▁sentence｜>");
        assertThat(t.decode(new int[] {4013, 39, 4014}, false)).isEqualTo("H");
        assertThat(t.decode(new int[] {4013, 39, 4014}, true))
                .isEqualTo("<｜begin▁of▁sentence｜>H<｜end▁of▁sentence｜>");
    }
}
