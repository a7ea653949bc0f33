package dev.seekfix.engine.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * Decimal numerals for numeric ranges, by digit expansion (llama.cpp {@code _build_min_max_int} in
 * {@code common/json-schema-to-grammar.cpp} does the same): {@code [17, 342]} becomes
 * {@code 1[7-9] | [2-9][0-9] | [1-2][0-9][0-9] | 3[0-3][0-9] | 34[0-2]}. No leading zeros, no "-0".
 */
final class DecimalRanges {

    /** Integers are capped at 16 digits, as llama.cpp does: beyond that a double cannot hold them exactly. */
    static final int MAX_DIGITS = 16;
    static final long MAX_MAGNITUDE = 9_999_999_999_999_999L;

    private static final GrammarExpr DIGIT = GrammarExpr.bytes('0', '9');

    private DecimalRanges() {
    }

    /** Integers in [lo, hi], both within ±{@link #MAX_MAGNITUDE}. */
    static GrammarExpr integers(long lo, long hi) {
        check(lo, hi);
        List<GrammarExpr> options = new ArrayList<>();
        if (lo < 0) {
            long magnitudeLo = Math.max(1, hi < 0 ? -hi : 1);
            options.add(GrammarExpr.seq(GrammarExpr.literal("-"), nonNegative(magnitudeLo, -lo)));
        }
        if (hi >= 0) {
            options.add(nonNegative(Math.max(0, lo), hi));
        }
        return GrammarExpr.choice(options);
    }

    /**
     * Decimal numbers (no exponent) in [lo, hi] for integer bounds, with up to {@code fractionDigits} digits after
     * the point: integer part in [lo, hi-1] with any fraction, or exactly hi with an all-zero fraction.
     */
    static GrammarExpr decimals(long lo, long hi, int fractionDigits) {
        check(lo, hi);
        GrammarExpr anyFraction = GrammarExpr.optional(GrammarExpr.seq(GrammarExpr.literal("."),
                GrammarExpr.repeat(DIGIT, 1, fractionDigits)));
        GrammarExpr zeroFraction = GrammarExpr.optional(GrammarExpr.seq(GrammarExpr.literal("."),
                GrammarExpr.repeat(GrammarExpr.literal("0"), 1, fractionDigits)));
        List<GrammarExpr> options = new ArrayList<>();
        if (hi >= 0) {
            options.add(magnitudes(Math.max(0, lo), hi, anyFraction, zeroFraction));
        }
        if (lo < 0) {
            // -m for m in [max(0, -hi), -lo]; "-0" and "-0.5" are fine when hi >= 0
            long magnitudeLo = hi < 0 ? -hi : 0;
            options.add(GrammarExpr.seq(GrammarExpr.literal("-"), magnitudes(magnitudeLo, -lo, anyFraction,
                    zeroFraction)));
        }
        return GrammarExpr.choice(options);
    }

    private static GrammarExpr magnitudes(long lo, long hi, GrammarExpr anyFraction, GrammarExpr zeroFraction) {
        GrammarExpr top = GrammarExpr.seq(nonNegative(hi, hi), zeroFraction);
        if (lo == hi) {
            return top;
        }
        return GrammarExpr.choice(GrammarExpr.seq(nonNegative(lo, hi - 1), anyFraction), top);
    }

    private static void check(long lo, long hi) {
        if (lo > hi || lo < -MAX_MAGNITUDE || hi > MAX_MAGNITUDE) {
            throw new IllegalArgumentException("bad decimal range [" + lo + ", " + hi + "]");
        }
    }

    /** Non-negative integers in [lo, hi] without leading zeros. */
    static GrammarExpr nonNegative(long lo, long hi) {
        List<GrammarExpr> options = new ArrayList<>();
        int loDigits = Long.toString(lo).length();
        int hiDigits = Long.toString(hi).length();
        for (int len = loDigits; len <= hiDigits; len++) {
            long from = Math.max(lo, len == 1 ? 0 : pow10(len - 1));
            long to = Math.min(hi, pow10(len) - 1);
            options.add(sameLength(Long.toString(from), Long.toString(to)));
        }
        return GrammarExpr.choice(options);
    }

    /** Fixed-width digit strings between lo and hi (same length; lexical order is numeric order). */
    private static GrammarExpr sameLength(String lo, String hi) {
        int n = lo.length();
        if (n == 0) {
            return GrammarExpr.EMPTY;
        }
        char l = lo.charAt(0);
        char h = hi.charAt(0);
        if (n == 1) {
            return GrammarExpr.bytes(l, h);
        }
        if (l == h) {
            return GrammarExpr.seq(GrammarExpr.literal(String.valueOf(l)), sameLength(lo.substring(1), hi.substring(1)));
        }
        String loRest = lo.substring(1);
        String hiRest = hi.substring(1);
        boolean loAllZero = loRest.chars().allMatch(c -> c == '0');
        boolean hiAllNine = hiRest.chars().allMatch(c -> c == '9');
        List<GrammarExpr> options = new ArrayList<>();
        if (!loAllZero) {
            options.add(GrammarExpr.seq(GrammarExpr.literal(String.valueOf(l)), sameLength(loRest, "9".repeat(n - 1))));
        }
        char midLo = (char) (loAllZero ? l : l + 1);
        char midHi = (char) (hiAllNine ? h : h - 1);
        if (midLo <= midHi) {
            options.add(GrammarExpr.seq(GrammarExpr.bytes(midLo, midHi), GrammarExpr.repeat(DIGIT, n - 1, n - 1)));
        }
        if (!hiAllNine) {
            options.add(GrammarExpr.seq(GrammarExpr.literal(String.valueOf(h)), sameLength("0".repeat(n - 1), hiRest)));
        }
        return GrammarExpr.choice(options);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
