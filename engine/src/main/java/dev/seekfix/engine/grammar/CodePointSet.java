package dev.seekfix.engine.grammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of Unicode scalar values as sorted, disjoint, non-adjacent inclusive ranges. Surrogates (U+D800..U+DFFF)
 * are never members: they have no UTF-8 encoding.
 */
record CodePointSet(int[] ranges) { // [nRanges][lo, hi]

    static final int MAX = 0x10FFFF;
    static final CodePointSet ALL = of(0, MAX);

    CodePointSet {
        ranges = normalize(ranges);
    }

    static CodePointSet of(int... loHiPairs) {
        return new CodePointSet(loHiPairs);
    }

    static CodePointSet single(int codePoint) {
        return of(codePoint, codePoint);
    }

    boolean isEmpty() {
        return ranges.length == 0;
    }

    boolean contains(int cp) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (cp >= ranges[i] && cp <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    CodePointSet union(CodePointSet other) {
        int[] all = Arrays.copyOf(ranges, ranges.length + other.ranges.length);
        System.arraycopy(other.ranges, 0, all, ranges.length, other.ranges.length);
        return new CodePointSet(all);
    }

    CodePointSet complement() {
        List<Integer> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] > next) {
                out.add(next);
                out.add(ranges[i] - 1);
            }
            next = ranges[i + 1] + 1;
        }
        if (next <= MAX) {
            out.add(next);
            out.add(MAX);
        }
        return new CodePointSet(out.stream().mapToInt(Integer::intValue).toArray());
    }

    CodePointSet minus(CodePointSet other) {
        return complement().union(other).complement();
    }

    CodePointSet intersect(CodePointSet other) {
        return complement().union(other.complement()).complement();
    }

    /** Sorts, merges, clips to [0, MAX] and removes the surrogate block. */
    private static int[] normalize(int[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("code point set needs lo/hi pairs, found " + pairs.length + " values");
        }
        List<int[]> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            int lo = Math.max(0, pairs[i]);
            int hi = Math.min(MAX, pairs[i + 1]);
            if (lo > hi) {
                continue;
            }
            if (lo < 0xD800 && hi > 0xDFFF) {
                list.add(new int[] {lo, 0xD7FF});
                list.add(new int[] {0xE000, hi});
            } else if (lo >= 0xD800 && hi <= 0xDFFF) {
                continue;
            } else if (lo >= 0xD800 && lo <= 0xDFFF) {
                list.add(new int[] {0xE000, hi});
            } else if (hi >= 0xD800 && hi <= 0xDFFF) {
                list.add(new int[] {lo, 0xD7FF});
            } else {
                list.add(new int[] {lo, hi});
            }
        }
        list.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : list) {
            if (!merged.isEmpty() && r[0] <= merged.getLast()[1] + 1) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], r[1]);
            } else {
                merged.add(r.clone());
            }
        }
        // U+D7FF and U+E000 are adjacent once surrogates are gone: keep them as two ranges, that is harmless
        int[] out = new int[merged.size() * 2];
        for (int i = 0; i < merged.size(); i++) {
            out[2 * i] = merged.get(i)[0];
            out[2 * i + 1] = merged.get(i)[1];
        }
        return out;
    }

    @Override public boolean equals(Object o) { return o instanceof CodePointSet s && Arrays.equals(ranges, s.ranges); }
    @Override public int hashCode() { return Arrays.hashCode(ranges); }
}
