package dev.seekfix.engine.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Piece boundaries of the DeepSeek regex lists, on cases that show llama.cpp's semantics. */
class PreTokenizerTest {

    private static List<String> pieces(PreTokenizer pre, String text) {
        int[] cps = text.codePoints().toArray();
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int end : pre.split(cps)) {
            out.add(new String(cps, start, end - start));
            start = end;
        }
        return out;
    }

    @Test
    void wordsKeepTheirLeadingSpace() {
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, "Hello world")).containsExactly("Hello", " world");
    }

    @Test
    void everyRegexSplitsThePiecesOfThePreviousOnes() {
        // the letter regex takes " café" whole; the punctuation class contains ASCII letters (":-~") but not é
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, " café")).containsExactly(" caf", "é");
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, "Äpfel")).containsExactly("Ä", "pfel");
    }

    @Test
    void lineBreaksStandAloneAndTrailingSpaceSplitsOff() {
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, "x  \n\ny")).containsExactly("x", "  ", "\n", "\n", "y");
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, "a, b  ")).containsExactly("a", ",", " b", "  ");
    }

    @Test
    void numbersAreRunsInDeepseekLlmAndSingleDigitsInDeepseekCoder() {
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, "123 456")).containsExactly("123", " ", "456");
        assertThat(pieces(PreTokenizer.DEEPSEEK_CODER, "123 456")).containsExactly("1", "2", "3", " ", "4", "5", "6");
    }

    @Test
    void nonAsciiWhitespaceActsAsSpaceAndMatchesNoOtherClass() {
        // U+3000 is inside the punctuation class range, but std::wregex sees it as U+000B (a space)
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, "a\u3000b")).containsExactly("a", "\u3000b");
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, "。\u3000")).containsExactly("。", "\u3000");
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, "x\u00A0(")).containsExactly("x", "\u00A0(");
    }

    @Test
    void cjkRunsAreOnePieceAndFullWidthPunctuationIsSplitOff() {
        assertThat(pieces(PreTokenizer.DEEPSEEK_LLM, "你好，世界")).containsExactly("你好", "，", "世界");
    }

    @Test
    void deepseekCoderSeparatesSymbolsFromPunctuation() {
        // '+' is a math symbol (Sm), not \p{P}, so it stays a gap piece
        assertThat(pieces(PreTokenizer.DEEPSEEK_CODER, "foo+bar(x)")).containsExactly("foo", "+", "bar", "(", "x", ")");
    }

    @Test
    void emptyTextHasNoPieces() {
        assertThat(PreTokenizer.DEEPSEEK_LLM.split(new int[0])).isEmpty();
    }
}
