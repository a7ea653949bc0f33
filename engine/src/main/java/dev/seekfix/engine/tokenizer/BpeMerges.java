package dev.seekfix.engine.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranked merges of a byte-level BPE ({@code tokenizer.ggml.merges}, each {@code "left right"}, rank = index).
 * Symbols are interned strings of byte symbols: ids 0..255 are the single-byte symbols (id = byte value), the
 * others are the merge results. Merging a piece repeatedly joins the adjacent pair with the lowest rank, the
 * leftmost one on ties, exactly as llama.cpp's {@code llm_tokenizer_bpe_session} does with its priority queue of
 * bigrams; here the queue holds {@code (rank, left)} and a popped entry is used only if that pair is still there.
 */
final class BpeMerges {

    private final List<String> symbolTexts = new ArrayList<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final PairRanks ranks;
    private final int[] mergedSymbol; // [rank] → symbol id of left+right, -1 for an unusable line

    BpeMerges(List<String> merges) {
        for (int b = 0; b < 256; b++) intern(new String(Character.toChars(ByteSymbols.symbolOf(b))));
        ranks = new PairRanks(merges.size());
        mergedSymbol = new int[merges.size()];
        for (int rank = 0; rank < merges.size(); rank++) {
            String line = merges.get(rank);
            // llama.cpp splits at the first space after the first character (llama-vocab.cpp, load: find(' ', 1))
            int space = line.indexOf(' ', 1);
            if (space < 0 || space == line.length() - 1) {
                mergedSymbol[rank] = -1;
                continue;
            }
            String left = line.substring(0, space);
            String right = line.substring(space + 1);
            int l = intern(left);
            int r = intern(right);
            mergedSymbol[rank] = intern(left + right);
            ranks.putIfAbsent(l, r, rank); // the first line of a duplicated pair keeps its rank (std::map emplace)
        }
    }

    private int intern(String text) {
        Integer id = symbolIds.get(text);
        if (id != null) return id;
        int next = symbolTexts.size();
        symbolTexts.add(text);
        symbolIds.put(text, next);
        return next;
    }

    int symbolCount() {
        return symbolTexts.size();
    }

    String symbolText(int symbol) {
        return symbolTexts.get(symbol);
    }

    /** The rank of merging {@code left} then {@code right}, or -1. */
    int rank(int left, int right) {
        return ranks.get(left, right);
    }

    /**
     * Merges a piece given as byte values (0..255, one symbol each) and returns the final symbols in order.
     */
    int[] merge(byte[] piece) {
        int n = piece.length;
        int[] sym = new int[n];
        for (int i = 0; i < n; i++) sym[i] = piece[i] & 0xFF;
        if (n < 2) return sym;
        int[] prev = new int[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
        }
        LongHeap queue = new LongHeap(n);
        for (int i = 0; i + 1 < n; i++) offer(queue, sym, i, i + 1);
        int alive = n;
        while (!queue.isEmpty()) {
            long top = queue.poll();
            int rank = (int) (top >>> 32);
            int left = (int) top;
            int right = next[left];
            // stale entries: the left symbol was absorbed, or either side has grown since the pair was queued
            if (sym[left] < 0 || right < 0 || ranks.get(sym[left], sym[right]) != rank) continue;
            sym[left] = mergedSymbol[rank];
            sym[right] = -1;
            alive--;
            next[left] = next[right];
            if (next[right] >= 0) prev[next[right]] = left;
            if (prev[left] >= 0) offer(queue, sym, prev[left], left);
            if (next[left] >= 0) offer(queue, sym, left, next[left]);
        }
        int[] out = new int[alive];
        int k = 0;
        for (int i = 0; i >= 0; i = next[i]) out[k++] = sym[i];
        return out;
    }

    private void offer(LongHeap queue, int[] sym, int left, int right) {
        int rank = ranks.get(sym[left], sym[right]);
        if (rank >= 0 && mergedSymbol[rank] >= 0) queue.add(((long) rank << 32) | left);
    }

    /** Open-addressing map from a symbol pair to its merge rank. */
    private static final class PairRanks {
        private final long[] keys;
        private final int[] values;
        private final int mask;

        PairRanks(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 + 1) - 1) << 1;
            keys = new long[capacity];
            values = new int[capacity];
            Arrays.fill(keys, -1L);
            mask = capacity - 1;
        }

        private static long key(int left, int right) {
            return ((long) left << 32) | (right & 0xFFFFFFFFL);
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }

        void putIfAbsent(int left, int right, int rank) {
            long k = key(left, right);
            for (int i = slot(k); ; i = (i + 1) & mask) {
                if (keys[i] == k) return;
                if (keys[i] == -1L) {
                    keys[i] = k;
                    values[i] = rank;
                    return;
                }
            }
        }

        int get(int left, int right) {
            long k = key(left, right);
            for (int i = slot(k); ; i = (i + 1) & mask) {
                if (keys[i] == k) return values[i];
                if (keys[i] == -1L) return -1;
            }
        }
    }

    /** A binary min-heap of longs. */
    private static final class LongHeap {
        private long[] heap;
        private int size;

        LongHeap(int capacity) {
            heap = new long[Math.max(4, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(long v) {
            if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] <= v) break;
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = v;
        }

        long poll() {
            long top = heap[0];
            long last = heap[--size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                if (child + 1 < size && heap[child + 1] < heap[child]) child++;
                if (last <= heap[child]) break;
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
            return top;
        }
    }
}
