package dev.seekfix.engine.tokenizer;

import dev.seekfix.engine.api.ModelFormatException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into the pieces that BPE merges independently, as llama.cpp does for the GGUF's
 * {@code tokenizer.ggml.pre}. The regexes are applied in order; each one splits every piece left by the
 * previous ones into its matches and the gaps between them, both kept (llama.cpp src/unicode.cpp
 * {@code unicode_regex_split_stl}; HF tokenizers' {@code Split} with behaviour {@code Isolated}).
 */
public enum PreTokenizer {

    /**
     * DeepSeek-LLM / DeepSeek-V2 / Coder-V2 (llama.cpp src/llama-vocab.cpp, {@code LLAMA_VOCAB_PRE_TYPE_DEEPSEEK_LLM}):
     * <pre>
     * [\r\n]
     * \s?[A-Za-zµÀ-ÖØ-öø-ƺ … 𞤀-𞥃]+        (cased letters: {@link #DEEPSEEK_LETTERS})
     * \s?[!-/:-~！-／：-～‘-‟　-。]+
     * \s+$
     * [一-龥ࠀ-一가-퟿]+
     * \p{N}+
     * </pre>
     */
    DEEPSEEK_LLM("deepseek-llm", List.of(
            new SplitRule.One(PreTokenizer::isLineBreak),
            new SplitRule.SpaceThenRun(Classes.DEEPSEEK_LETTERS),
            new SplitRule.SpaceThenRun(Classes.DEEPSEEK_PUNCTUATION),
            new SplitRule.TrailingSpace(),
            new SplitRule.Run(Classes.CJK_AND_HANGUL),
            new SplitRule.Run(RegexUnicode::isNumber))),

    /**
     * DeepSeek-Coder V1 (llama.cpp {@code LLAMA_VOCAB_PRE_TYPE_DEEPSEEK_CODER}):
     * {@code [\r\n]}, {@code \s?\p{L}+}, {@code \s?\p{P}+}, {@code [一-龥ࠀ-一가-퟿]+}, {@code \p{N}} (one digit).
     */
    DEEPSEEK_CODER("deepseek-coder", List.of(
            new SplitRule.One(PreTokenizer::isLineBreak),
            new SplitRule.SpaceThenRun(RegexUnicode::isLetter),
            new SplitRule.SpaceThenRun(RegexUnicode::isPunctuation),
            new SplitRule.Run(Classes.CJK_AND_HANGUL),
            new SplitRule.One(RegexUnicode::isNumber)));

    private final String ggufName;
    private final List<SplitRule> rules;

    PreTokenizer(String ggufName, List<SplitRule> rules) {
        this.ggufName = ggufName;
        this.rules = rules;
    }

    /** The value of {@code tokenizer.ggml.pre} that selects this pre-tokenizer. */
    public String ggufName() {
        return ggufName;
    }

    public static PreTokenizer fromGgufName(String name, String source) {
        for (PreTokenizer p : values()) {
            if (p.ggufName.equals(name)) return p;
        }
        throw new ModelFormatException("tokenizer.ggml.pre in " + source + ": expected one of "
                + Arrays.stream(values()).map(PreTokenizer::ggufName).toList() + ", found '" + name
                + "'; seekfix runs DeepSeek-V2 family models, whose GGUFs say 'deepseek-llm'");
    }

    /**
     * The pieces of {@code cps}, as the exclusive end offset of each piece (in code points, ascending, the last
     * one equal to {@code cps.length}; empty for empty input).
     */
    int[] split(int[] cps) {
        int[] w = RegexUnicode.normalize(cps);
        int[] ends = cps.length == 0 ? new int[0] : new int[] {cps.length};
        int count = ends.length;
        for (SplitRule rule : rules) {
            int[] next = new int[Math.max(4, count * 2)];
            int n = 0;
            int start = 0;
            for (int p = 0; p < count; p++) {
                int end = ends[p];
                int at = start;
                while (at < end) {
                    long m = rule.findFirst(w, at, end);
                    if (m < 0) break;
                    int ms = (int) (m >>> 32);
                    int me = (int) m;
                    if (n + 2 > next.length) next = Arrays.copyOf(next, next.length * 2);
                    if (ms > at) next[n++] = ms;
                    next[n++] = me;
                    at = me;
                }
                if (at < end) {
                    if (n + 1 > next.length) next = Arrays.copyOf(next, next.length * 2);
                    next[n++] = end;
                }
                start = end;
            }
            ends = next;
            count = n;
        }
        return Arrays.copyOf(ends, count);
    }

    @Override
    public String toString() {
        return ggufName;
    }

    private static boolean isLineBreak(int w) {
        return w == '\r' || w == '\n';
    }

    /** Bracket expressions of the DeepSeek regexes, as code point ranges. */
    static final class Classes {

        private Classes() {
        }

        /**
         * The cased letters of {@code deepseek-llm}'s second regex, copied from llama.cpp. Six endpoints are
         * characters that NFC normalization replaces (U+1F7D, U+1FBE, U+1FD3, U+1FDB, U+2126 OHM SIGN, U+212A
         * KELVIN SIGN), and a normalized copy of the regex is wrong: {@code U+1F5F-U+03CE} is an inverted range and
         * {@code K-ℭ} would start at ASCII {@code K}. So the class is written as numbers.
         */
        static final CodepointClass DEEPSEEK_LETTERS = CodepointClass.ofRanges(new int[][] {
                {0x0041, 0x005A}, {0x0061, 0x007A}, {0x00B5, 0x00B5}, {0x00C0, 0x00D6}, {0x00D8, 0x00F6},
                {0x00F8, 0x01BA}, {0x01BC, 0x01BF}, {0x01C4, 0x0293}, {0x0295, 0x02AF}, {0x0370, 0x0373},
                {0x0376, 0x0377}, {0x037B, 0x037D}, {0x037F, 0x037F}, {0x0386, 0x0386}, {0x0388, 0x038A},
                {0x038C, 0x038C}, {0x038E, 0x03A1}, {0x03A3, 0x03F5}, {0x03F7, 0x0481}, {0x048A, 0x052F},
                {0x0531, 0x0556}, {0x10A0, 0x10C5}, {0x13A0, 0x13F5}, {0x13F8, 0x13FD}, {0x1C90, 0x1CBA},
                {0x1CBD, 0x1CBF}, {0x1D00, 0x1D2B}, {0x1D6B, 0x1D77}, {0x1D79, 0x1D9A}, {0x1E00, 0x1F15},
                {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57}, {0x1F59, 0x1F59},
                {0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4}, {0x1FB6, 0x1FBC},
                {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4}, {0x1FC6, 0x1FCC}, {0x1FD0, 0x1FD3}, {0x1FD6, 0x1FDB},
                {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4}, {0x1FF6, 0x1FFC}, {0x2102, 0x2102}, {0x2107, 0x2107},
                {0x210A, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211D}, {0x2124, 0x2124}, {0x2126, 0x2126},
                {0x2128, 0x2128}, {0x212A, 0x212D}, {0x212F, 0x2134}, {0x2139, 0x2139}, {0x213C, 0x213F},
                {0x2145, 0x2149}, {0x214E, 0x214E}, {0x2183, 0x2184}, {0x2C00, 0x2C7B}, {0x2C7E, 0x2CE4},
                {0x2CEB, 0x2CEE}, {0x2CF2, 0x2CF3}, {0xA640, 0xA66D}, {0xA680, 0xA69B}, {0xA722, 0xA76F},
                {0xA771, 0xA787}, {0xA78B, 0xA78E}, {0xAB70, 0xABBF}, {0xFB00, 0xFB06}, {0xFB13, 0xFB17},
                {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}, {0x10400, 0x1044F}, {0x104B0, 0x104D3}, {0x104D8, 0x104FB},
                {0x10C80, 0x10CB2}, {0x10CC0, 0x10CF2}, {0x118A0, 0x118DF}, {0x1E900, 0x1E943},
        });

        /** {@code [!-/:-~！-／：-～‘-‟　-。]}: ASCII punctuation and letters, full-width forms, quotes, CJK stops. */
        static final CodepointClass DEEPSEEK_PUNCTUATION = CodepointClass.ofRanges(new int[][] {
                {0x0021, 0x002F}, {0x003A, 0x007E}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF5E}, {0x2018, 0x201F},
                {0x3000, 0x3002},
        });

        /** {@code [一-龥ࠀ-一가-퟿]}: CJK ideographs, everything from U+0800 up to them, and Hangul. */
        static final CodepointClass CJK_AND_HANGUL = CodepointClass.ofRanges(new int[][] {
                {0x4E00, 0x9FA5}, {0x0800, 0x4E00}, {0xAC00, 0xD7FF},
        });
    }
}
