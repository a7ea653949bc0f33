package dev.seekfix.engine.tokenizer;

/**
 * The character classes of llama.cpp's pre-tokenizer regexes, with llama.cpp's quirks (src/unicode.cpp,
 * {@code unicode_regex_split}):
 * <ul>
 *   <li>Before matching, every non-ASCII whitespace code point is replaced by U+000B, because {@code std::wregex}'s
 *       {@code \s} knows only ASCII whitespace. So {@code \s} means {@code [\t\n\v\f\r ]} plus the non-ASCII
 *       {@link #isWhitespace whitespace}, and such a code point matches no other class (not even an explicit
 *       range such as {@code 　-。}, which starts at U+3000).</li>
 *   <li>{@code \p{L}}, {@code \p{N}}, {@code \p{P}} use the Unicode general category (llama.cpp generates its
 *       table from Python's {@code regex} module; this uses {@link Character#getType}).</li>
 * </ul>
 * Matchers work on the <em>normalized</em> code points from {@link #normalize}.
 */
final class RegexUnicode {

    private static final int VERTICAL_TAB = 0x0B;

    private RegexUnicode() {
    }

    /** Unicode White_Space (llama.cpp unicode-data.cpp {@code unicode_set_whitespace}). */
    static boolean isWhitespace(int cp) {
        return switch (cp) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    /** The code point the regex engine sees: non-ASCII whitespace becomes U+000B. */
    static int normalize(int cp) {
        return cp > 0x7F && isWhitespace(cp) ? VERTICAL_TAB : cp;
    }

    static int[] normalize(int[] cps) {
        int[] w = new int[cps.length];
        for (int i = 0; i < cps.length; i++) w[i] = normalize(cps[i]);
        return w;
    }

    /** {@code \s} on a normalized code point. */
    static boolean isSpace(int w) {
        return w == ' ' || (w >= 0x09 && w <= 0x0D);
    }

    /** {@code \p{L}} on a normalized code point. */
    static boolean isLetter(int w) {
        return switch (Character.getType(w)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER -> true;
            default -> false;
        };
    }

    /** {@code \p{N}} on a normalized code point. */
    static boolean isNumber(int w) {
        return switch (Character.getType(w)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** {@code \p{P}} on a normalized code point. */
    static boolean isPunctuation(int w) {
        return switch (Character.getType(w)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
