package dev.seekfix.engine.tokenizer;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A set of code points given as inclusive ranges, like a regex bracket expression {@code [A-Za-zµ]}.
 * Lookups are a table for ASCII and a binary search above it.
 */
final class CodepointClass implements IntPredicate {

    private final boolean[] ascii = new boolean[128];
    private final int[] starts; // sorted, non-overlapping ranges above ASCII
    private final int[] ends;   // inclusive

    /** {@code ranges} holds pairs {first, last}, inclusive, in any order. */
    static CodepointClass ofRanges(int[][] ranges) {
        return new CodepointClass(ranges);
    }

    private CodepointClass(int[][] ranges) {
        int[][] high = Arrays.stream(ranges)
                .peek(r -> {
                    if (r.length != 2 || r[0] > r[1]) {
                        throw new IllegalArgumentException("not a range {first, last}: " + Arrays.toString(r));
                    }
                    for (int c = r[0]; c <= Math.min(r[1], 127); c++) ascii[c] = true;
                })
                .filter(r -> r[1] >= 128)
                .map(r -> new int[] {Math.max(r[0], 128), r[1]})
                .sorted((a, b) -> Integer.compare(a[0], b[0]))
                .toArray(int[][]::new);
        int n = 0;
        int[] s = new int[high.length];
        int[] e = new int[high.length];
        for (int[] r : high) {
            if (n > 0 && r[0] <= e[n - 1] + 1) {
                e[n - 1] = Math.max(e[n - 1], r[1]);
            } else {
                s[n] = r[0];
                e[n] = r[1];
                n++;
            }
        }
        this.starts = Arrays.copyOf(s, n);
        this.ends = Arrays.copyOf(e, n);
    }

    @Override
    public boolean test(int cp) {
        if (cp < 128) return cp >= 0 && ascii[cp];
        int i = Arrays.binarySearch(starts, cp);
        if (i >= 0) return true;
        int before = -i - 2; // the range that starts below cp
        return before >= 0 && cp <= ends[before];
    }
}
