package dev.seekfix.engine.tokenizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** USER_DEFINED tokens are split out of plain text; CONTROL tokens only when special parsing is asked for. */
class SpecialTokenTest {

    private static final String BOS_TEXT = "<｜begin▁of▁sentence｜>";

    @Test
    void relocatedByteSymbolsAreMatchedAsCharacters() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_LLM);
        assertThat(t.encode("Müller")).containsExactly(44, 100014, 40920); // README 1.2: M, ü, ller
    }

    @Test
    void padMarkersInTextBecomeTheirToken() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_LLM);
        assertThat(t.encode("[PAD100015]")).containsExactly(100015);
        assertThat(t.encode("x[PAD102399]y")).contains(102399).hasSize(3);
    }

    @Test
    void controlTextIsPlainTextUnlessSpecialParsingIsOn() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_LLM);
        int[] plain = t.encode(BOS_TEXT + "Hi");
        assertThat(plain).doesNotContain(100000).hasSizeGreaterThan(3);
        assertThat(t.decode(plain, false)).isEqualTo(BOS_TEXT + "Hi");

        int[] parsed = t.encode(BOS_TEXT + "Hi", false, true);
        assertThat(parsed).startsWith(100000).hasSize(1 + t.encode("Hi").length);
    }

    @Test
    void bosIsPrependedOnlyWhenAsked() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_LLM);
        assertThat(t.encode("Hi", true, false)).startsWith(100000);
        assertThat(t.encode("", true, false)).containsExactly(100000);
        assertThat(t.encode("")).isEmpty();
    }

    @Test
    void specialIdsComeFromTheGguf() {
        SpecialTokens s = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_LLM).specialTokens();
        assertThat(s.bos()).hasValue(100000);
        assertThat(s.eos()).hasValue(100001);
        assertThat(s.endOfGeneration()).containsExactly(100001);
        assertThat(s.addBos()).isTrue();
        assertThat(s.addEos()).isFalse();
    }

    @Test
    void fimMarkersLeftUserDefinedByTheConverterBecomeControlAsInLlamaCpp() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_CODER);
        Vocabulary v = t.vocabulary();
        assertThat(v.type(v.idOf("<｜fim▁begin｜>").orElseThrow())).isEqualTo(TokenType.CONTROL);
        assertThat(v.type(v.idOf("<｜fim▁hole｜>").orElseThrow())).isEqualTo(TokenType.CONTROL);
        assertThat(v.type(v.idOf("<｜fim▁end｜>").orElseThrow())).isEqualTo(TokenType.CONTROL);
        assertThat(t.encode("<｜fim▁hole｜>")).doesNotContain(32015);
        assertThat(t.encode("<｜fim▁hole｜>", false, true)).containsExactly(32015);
        // not on llama.cpp's lists: stays USER_DEFINED and is split out even from plain text
        assertThat(v.type(32021)).isEqualTo(TokenType.USER_DEFINED);
        assertThat(t.encode("a<|EOT|>")).endsWith(32021);
    }

    @Test
    void longerSpecialTextsAreSplitOutFirst() {
        Tokenizer t = FixtureTokenizers.load(FixtureTokenizers.DEEPSEEK_CODER);
        // "<pad>" (32018) is a USER_DEFINED token too, but only the whole markers match here
        assertThat(t.encode("<|User|><pad>")).containsExactly(32019, 32018);
    }
}
