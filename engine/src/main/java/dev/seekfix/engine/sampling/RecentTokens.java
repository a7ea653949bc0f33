package dev.seekfix.engine.sampling;

import java.util.HashMap;
import java.util.Map;

/** The last {@code window} tokens of the context, with counts for a constant-time "was it seen" check. */
final class RecentTokens {

    private final int[] ring; // [window]
    private final Map<Integer, Integer> counts = new HashMap<>();
    private int next;
    private int size;

    RecentTokens(int window) {
        this.ring = new int[window];
    }

    void add(int tokenId) {
        if (ring.length == 0) return;
        if (size == ring.length) {
            int old = ring[next];
            counts.computeIfPresent(old, (k, n) -> n == 1 ? null : n - 1);
        } else {
            size++;
        }
        ring[next] = tokenId;
        next = (next + 1) % ring.length;
        counts.merge(tokenId, 1, Integer::sum);
    }

    boolean contains(int tokenId) {
        return counts.containsKey(tokenId);
    }

    boolean isEmpty() {
        return size == 0;
    }
}
