package dev.seekfix.engine.grammar;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One compiled constraint (a schema or grammar) over one model's vocabulary. Hand each generation its own
 * {@link TokenMatcher} from {@link #newMatcher()}; matchers of one constraint may run on different threads,
 * because the lazily grown automaton and the mask cache are guarded here.
 */
public final class TokenConstraint {

    /** Masks kept per constraint; a mask is {@code long[1600]} (12.8 KB) for DeepSeek's vocabulary. */
    static final int MASK_CACHE_ENTRIES = 128;

    private final TokenIndex index;
    private final LazyDfa dfa;
    private final Map<Integer, long[]> masks = new LinkedHashMap<>(MASK_CACHE_ENTRIES, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, long[]> eldest) {
            return size() > MASK_CACHE_ENTRIES;
        }
    };
    private final Map<Integer, Boolean> sliceLoops = new HashMap<>();
    private long maskWalks;
    private long slicedWalks;
    private long cacheHits;

    TokenConstraint(TokenIndex index, LazyDfa dfa) {
        this.index = index;
        this.dfa = dfa;
    }

    public TokenMatcher newMatcher() {
        return new TokenMatcher(this, dfa.start);
    }

    GrammarVocabulary vocabulary() {
        return index.vocabulary;
    }

    /** The allowed tokens at {@code state} (EOS included when it accepts). The array is shared: do not modify. */
    synchronized long[] mask(int state) {
        long[] cached = masks.get(state);
        if (cached != null) {
            cacheHits++;
            return cached;
        }
        long[] mask = new long[index.vocabulary.maskWords()];
        if (sliceLoops.computeIfAbsent(state, s -> StringSlice.loopsOnEveryCharacter(dfa, s))) {
            System.arraycopy(index.sliceTokens, 0, mask, 0, mask.length);
            index.outsideSlice.fillAllowed(dfa, state, mask);
            slicedWalks++;
        } else {
            index.trie.fillAllowed(dfa, state, mask);
            maskWalks++;
        }
        if (dfa.isAccepting(state)) {
            int eos = index.vocabulary.eosId();
            mask[eos >>> 6] |= 1L << eos;
        }
        masks.put(state, mask);
        return mask;
    }

    /** The mask computed without the cache or the slice: every token from the full trie (a test oracle seam). */
    synchronized long[] uncachedFullWalk(int state) {
        long[] mask = new long[index.vocabulary.maskWords()];
        index.trie.fillAllowed(dfa, state, mask);
        if (dfa.isAccepting(state)) {
            int eos = index.vocabulary.eosId();
            mask[eos >>> 6] |= 1L << eos;
        }
        return mask;
    }

    synchronized int run(int state, byte[] bytes) {
        return dfa.run(state, bytes);
    }

    synchronized int next(int state, int b) {
        return dfa.next(state, b);
    }

    synchronized boolean isAccepting(int state) {
        return dfa.isAccepting(state);
    }

    synchronized boolean hasExit(int state) {
        return dfa.hasExit(state);
    }

    /** Automaton states built so far, full walks, sliced walks and cache hits, for logs and benchmarks. */
    public synchronized String statistics() {
        return "states=" + dfa.stateCount() + " walks=" + maskWalks + " sliced=" + slicedWalks + " cacheHits="
                + cacheHits;
    }
}
