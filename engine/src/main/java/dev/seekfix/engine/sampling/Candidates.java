package dev.seekfix.engine.sampling;

import java.util.Arrays;

/**
 * The tokens still in the running during one sampling step, as llama.cpp's {@code llama_token_data_array}:
 * parallel arrays of ids and logits (and probabilities once a step computed them), the first {@code size} valid.
 * Filters shrink {@code size}; {@link #sortDescending} orders by logit, lower id first on ties.
 */
final class Candidates {

    int[] ids;       // [size]
    float[] logits;  // [size]
    float[] probs;   // [size], valid after softmax()
    int size;
    boolean sorted;

    Candidates(int capacity) {
        ids = new int[capacity];
        logits = new float[capacity];
        probs = new float[capacity];
    }

    /** Loads every token of {@code allLogits} that {@code mask} allows (all when {@code mask} is null). */
    void load(float[] allLogits, long[] mask) {
        if (ids.length < allLogits.length) {
            ids = new int[allLogits.length];
            logits = new float[allLogits.length];
            probs = new float[allLogits.length];
        }
        int n = 0;
        if (mask == null) {
            for (int id = 0; id < allLogits.length; id++) {
                ids[n] = id;
                logits[n++] = allLogits[id];
            }
        } else {
            for (int w = 0; w < mask.length; w++) {
                long bits = mask[w];
                while (bits != 0) {
                    int id = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (id >= allLogits.length) break;
                    ids[n] = id;
                    logits[n++] = allLogits[id];
                }
            }
        }
        size = n;
        sorted = false;
    }

    /** Sorts all candidates by logit, largest first, lower id first on ties. */
    void sortDescending() {
        if (sorted) return;
        sortTop(size);
    }

    /** Puts the {@code k} best candidates first, sorted, and keeps only them. */
    void keepTop(int k) {
        if (k >= size) {
            sortDescending();
            return;
        }
        sortTop(k);
        size = k;
    }

    /** Sorts so that the first {@code k} are the k best in order (the rest stay behind them, unordered). */
    private void sortTop(int k) {
        long[] keys = new long[size]; // [size]: order-preserving logit bits (high) and inverted id (low)
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) sortableBits(logits[i]) << 32) | (0xFFFFFFFFL - ids[i]);
        }
        if (k * 8L < size) {
            partialSelect(keys, k);
        } else {
            sortUnsignedDescending(keys);
        }
        for (int i = 0; i < size; i++) {
            int id = (int) (0xFFFFFFFFL - (keys[i] & 0xFFFFFFFFL));
            ids[i] = id;
            logits[i] = fromSortableBits((int) (keys[i] >>> 32));
        }
        sorted = true;
    }

    /** Moves the k largest keys to the front in descending order (a bounded min-heap scan). */
    private static void partialSelect(long[] keys, int k) {
        long[] heap = new long[k];
        int n = 0;
        for (long key : keys) {
            if (n < k) {
                heap[n] = key;
                siftUp(heap, n++);
            } else if (Long.compareUnsigned(key, heap[0]) > 0) {
                heap[0] = key;
                siftDown(heap, k);
            }
        }
        long[] top = Arrays.copyOf(heap, n);
        sortUnsignedDescending(top);
        // keys are unique (the id is part of them), so the others are exactly those below the k-th
        long kth = n > 0 ? top[n - 1] : 0;
        int r = n;
        long[] rest = new long[keys.length - n];
        int w = 0;
        for (long key : keys) if (Long.compareUnsigned(key, kth) < 0) rest[w++] = key;
        System.arraycopy(top, 0, keys, 0, n);
        System.arraycopy(rest, 0, keys, r, w);
    }

    private static void siftUp(long[] h, int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (Long.compareUnsigned(h[i], h[p]) >= 0) return;
            long t = h[i]; h[i] = h[p]; h[p] = t;
            i = p;
        }
    }

    private static void siftDown(long[] h, int n) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < n && Long.compareUnsigned(h[l], h[m]) < 0) m = l;
            if (r < n && Long.compareUnsigned(h[r], h[m]) < 0) m = r;
            if (m == i) return;
            long t = h[i]; h[i] = h[m]; h[m] = t;
            i = m;
        }
    }

    private static void sortUnsignedDescending(long[] a) {
        for (int i = 0; i < a.length; i++) a[i] ^= Long.MIN_VALUE; // unsigned order as signed order
        Arrays.sort(a);
        reverse(a);
        for (int i = 0; i < a.length; i++) a[i] ^= Long.MIN_VALUE;
    }

    private static void reverse(long[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            long t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    /** Float bits mapped so that unsigned integer order is float order (-inf lowest). */
    private static int sortableBits(float f) {
        int b = Float.floatToRawIntBits(f);
        return b < 0 ? ~b : b ^ Integer.MIN_VALUE;
    }

    private static float fromSortableBits(int s) {
        int b = s < 0 ? s ^ Integer.MIN_VALUE : ~s;
        return Float.intBitsToFloat(b);
    }

    /** probs = softmax(logits) over the current candidates, in float as llama.cpp does. */
    void softmax() {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) max = Math.max(max, logits[i]);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            float p = (float) Math.exp(logits[i] - max);
            probs[i] = p;
            sum += p;
        }
        for (int i = 0; i < size; i++) probs[i] = (float) (probs[i] / sum);
    }
}
