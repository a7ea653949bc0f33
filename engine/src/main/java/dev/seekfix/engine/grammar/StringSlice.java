package dev.seekfix.engine.grammar;

import java.util.HashMap;
import java.util.Map;

/**
 * A simple form of llguidance's slicer ({@code docs/optimizations.md}): inside an unbounded JSON string the
 * automaton loops on every ordinary character, so every token made only of such characters is allowed and
 * needs no walk. {@link #loopsOnEveryCharacter} proves that for a state by checking its transitions over all
 * of UTF-8 (not by recognising "a string"), so the shortcut is exact wherever it is taken.
 */
final class StringSlice {

    private StringSlice() {
    }

    /** Whole, valid UTF-8 characters only, none of them {@code "}, {@code \} or below U+0020. */
    static boolean isSliceToken(byte[] t) {
        int i = 0;
        while (i < t.length) {
            int b = t[i] & 0xFF;
            int n;
            if (b < 0x80) {
                if (b < 0x20 || b == '"' || b == '\\') {
                    return false;
                }
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                n = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                n = 3;
            } else if (b >= 0xF0 && b <= 0xF4) {
                n = 4;
            } else {
                return false;
            }
            if (i + n > t.length) {
                return false;
            }
            int second = t[i + 1] & 0xFF;
            int secondLo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
            int secondHi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
            if (second < secondLo || second > secondHi) {
                return false;
            }
            for (int k = 2; k < n; k++) {
                if ((t[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += n;
        }
        return true;
    }

    /** True when every slice character leads from {@code state} back to {@code state}. */
    static boolean loopsOnEveryCharacter(LazyDfa dfa, int state) {
        for (int b = 0x20; b < 0x80; b++) {
            if (b != '"' && b != '\\' && dfa.next(state, b) != state) {
                return false;
            }
        }
        Map<Long, Boolean> memo = new HashMap<>();
        return leads(dfa, state, 0xC2, 0xDF, 0x80, 0xBF, 1, memo)
                && leads(dfa, state, 0xE0, 0xE0, 0xA0, 0xBF, 2, memo)
                && leads(dfa, state, 0xE1, 0xEC, 0x80, 0xBF, 2, memo)
                && leads(dfa, state, 0xED, 0xED, 0x80, 0x9F, 2, memo)
                && leads(dfa, state, 0xEE, 0xEF, 0x80, 0xBF, 2, memo)
                && leads(dfa, state, 0xF0, 0xF0, 0x90, 0xBF, 3, memo)
                && leads(dfa, state, 0xF1, 0xF3, 0x80, 0xBF, 3, memo)
                && leads(dfa, state, 0xF4, 0xF4, 0x80, 0x8F, 3, memo);
    }

    /** Every lead byte in range, then a second byte in [secondLo, secondHi], then the rest, returns to home. */
    private static boolean leads(LazyDfa dfa, int home, int leadLo, int leadHi, int secondLo, int secondHi,
            int continuations, Map<Long, Boolean> memo) {
        for (int lead = leadLo; lead <= leadHi; lead++) {
            int s = dfa.next(home, lead);
            if (s < 0) {
                return false;
            }
            for (int c = secondLo; c <= secondHi; c++) {
                int t = dfa.next(s, c);
                if (t < 0 || !returns(dfa, home, t, continuations - 1, memo)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** From {@code state}, any {@code remaining} continuation bytes lead to home. */
    private static boolean returns(LazyDfa dfa, int home, int state, int remaining, Map<Long, Boolean> memo) {
        if (remaining == 0) {
            return state == home;
        }
        long key = ((long) state << 8) | remaining;
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        boolean ok = true;
        for (int c = 0x80; c <= 0xBF && ok; c++) {
            int t = dfa.next(state, c);
            ok = t >= 0 && returns(dfa, home, t, remaining - 1, memo);
        }
        memo.put(key, ok);
        return ok;
    }
}
