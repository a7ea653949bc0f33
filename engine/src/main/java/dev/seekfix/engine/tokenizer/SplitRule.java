package dev.seekfix.engine.tokenizer;

import java.util.function.IntPredicate;

/**
 * One pre-tokenizer regex, in the few shapes DeepSeek's tokenizers use, matched by hand with the semantics of
 * ECMAScript {@code std::wregex} as llama.cpp runs it: the leftmost match wins, quantifiers are greedy, and
 * {@code $} is the end of the piece being split. Each rule sees normalized code points ({@link RegexUnicode}).
 */
sealed interface SplitRule {

    /**
     * The leftmost match inside {@code w[from, to)}, packed as {@code (start << 32) | end}, or -1 when there is
     * none. Matches are never empty.
     */
    long findFirst(int[] w, int from, int to);

    private static long packed(int start, int end) {
        return ((long) start << 32) | end;
    }

    /** {@code [class]}: a single code point. */
    record One(IntPredicate cls) implements SplitRule {
        @Override
        public long findFirst(int[] w, int from, int to) {
            for (int i = from; i < to; i++) {
                if (cls.test(w[i])) return packed(i, i + 1);
            }
            return -1;
        }
    }

    /** {@code [class]+}. */
    record Run(IntPredicate cls) implements SplitRule {
        @Override
        public long findFirst(int[] w, int from, int to) {
            for (int i = from; i < to; i++) {
                if (cls.test(w[i])) return packed(i, runEnd(cls, w, i + 1, to));
            }
            return -1;
        }
    }

    /**
     * {@code \s?[class]+}: at each start the optional space is tried first, so a space directly before the run
     * belongs to the match; a space followed by anything else does not start one.
     */
    record SpaceThenRun(IntPredicate cls) implements SplitRule {
        @Override
        public long findFirst(int[] w, int from, int to) {
            for (int i = from; i < to; i++) {
                if (RegexUnicode.isSpace(w[i]) && i + 1 < to && cls.test(w[i + 1])) {
                    return packed(i, runEnd(cls, w, i + 2, to));
                }
                if (cls.test(w[i])) return packed(i, runEnd(cls, w, i + 1, to));
            }
            return -1;
        }
    }

    /** {@code \s+$}: the maximal whitespace run that ends the piece (its leftmost possible start). */
    record TrailingSpace() implements SplitRule {
        @Override
        public long findFirst(int[] w, int from, int to) {
            int start = to;
            while (start > from && RegexUnicode.isSpace(w[start - 1])) start--;
            return start < to ? packed(start, to) : -1;
        }
    }

    private static int runEnd(IntPredicate cls, int[] w, int i, int to) {
        while (i < to && cls.test(w[i])) i++;
        return i;
    }
}
