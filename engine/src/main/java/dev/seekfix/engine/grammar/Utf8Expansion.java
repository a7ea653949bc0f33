package dev.seekfix.engine.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a set of code points into the byte-level IR that matches exactly their UTF-8 encodings: each range is
 * split until every piece is a sequence of byte ranges (the algorithm of Rust's {@code utf8-ranges} /
 * {@code regex-syntax} {@code Utf8Sequences}). Overlong forms and surrogates are never produced.
 */
final class Utf8Expansion {

    private static final int[] MAX_FOR_LENGTH = {0x7F, 0x7FF, 0xFFFF, 0x10FFFF};

    private Utf8Expansion() {
    }

    static GrammarExpr of(CodePointSet set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("an empty character class matches nothing");
        }
        List<int[][]> sequences = new ArrayList<>(); // each: [nBytes][lo, hi]
        int[] r = set.ranges();
        for (int i = 0; i < r.length; i += 2) {
            split(r[i], r[i + 1], sequences);
        }
        // single-byte pieces merge into one class
        List<Integer> ascii = new ArrayList<>();
        List<GrammarExpr> options = new ArrayList<>();
        for (int[][] seq : sequences) {
            if (seq.length == 1) {
                ascii.add(seq[0][0]);
                ascii.add(seq[0][1]);
            } else {
                List<GrammarExpr> items = new ArrayList<>();
                for (int[] b : seq) {
                    items.add(GrammarExpr.bytes(b[0], b[1]));
                }
                options.add(GrammarExpr.seq(items));
            }
        }
        if (!ascii.isEmpty()) {
            options.addFirst(new GrammarExpr.ByteClass(ascii.stream().mapToInt(Integer::intValue).toArray()));
        }
        return GrammarExpr.choice(options);
    }

    private static void split(int lo, int hi, List<int[][]> out) {
        // first split at the encoded-length boundaries
        for (int max : MAX_FOR_LENGTH) {
            if (lo <= max && hi > max) {
                split(lo, max, out);
                split(max + 1, hi, out);
                return;
            }
        }
        if (hi <= 0x7F) {
            out.add(new int[][] {{lo, hi}});
            return;
        }
        int n = encodedLength(lo);
        for (int i = 1; i < n; i++) {
            int m = (1 << (6 * i)) - 1;
            if ((lo & ~m) != (hi & ~m)) {
                if ((lo & m) != 0) {
                    split(lo, lo | m, out);
                    split((lo | m) + 1, hi, out);
                    return;
                }
                if ((hi & m) != m) {
                    split(lo, (hi & ~m) - 1, out);
                    split(hi & ~m, hi, out);
                    return;
                }
            }
        }
        byte[] a = encode(lo);
        byte[] b = encode(hi);
        int[][] seq = new int[n][];
        for (int k = 0; k < n; k++) {
            seq[k] = new int[] {a[k] & 0xFF, b[k] & 0xFF};
        }
        out.add(seq);
    }

    static int encodedLength(int cp) {
        return cp <= 0x7F ? 1 : cp <= 0x7FF ? 2 : cp <= 0xFFFF ? 3 : 4;
    }

    static byte[] encode(int cp) {
        return switch (encodedLength(cp)) {
            case 1 -> new byte[] {(byte) cp};
            case 2 -> new byte[] {(byte) (0xC0 | cp >> 6), (byte) (0x80 | cp & 0x3F)};
            case 3 -> new byte[] {(byte) (0xE0 | cp >> 12), (byte) (0x80 | cp >> 6 & 0x3F), (byte) (0x80 | cp & 0x3F)};
            default -> new byte[] {(byte) (0xF0 | cp >> 18), (byte) (0x80 | cp >> 12 & 0x3F),
                    (byte) (0x80 | cp >> 6 & 0x3F), (byte) (0x80 | cp & 0x3F)};
        };
    }
}
