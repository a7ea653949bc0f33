package dev.seekfix.engine.grammar;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The per-generation cursor of a {@link TokenConstraint}. Each step: {@link #fillMask} (or {@link #isAllowed} for
 * an optimistic check of a sampled token), sample, then {@link #accept}. EOS is in the mask only when the output
 * is complete; when {@link #isTerminated()} nothing but EOS is possible and generation can stop without another
 * forward pass. Not thread-safe: one matcher per generation.
 */
public final class TokenMatcher {

    private final TokenConstraint constraint;
    private final GrammarVocabulary vocabulary;
    private int state;
    private boolean ended;

    TokenMatcher(TokenConstraint constraint, int state) {
        this.constraint = constraint;
        this.vocabulary = constraint.vocabulary();
        this.state = state;
    }

    /** Writes the allowed tokens into {@code mask} (bit {@code id} of {@code mask[id >>> 6]}), clearing the rest. */
    public void fillMask(long[] mask) {
        if (mask.length < vocabulary.maskWords()) {
            throw new IllegalArgumentException("mask has " + mask.length + " words, the vocabulary needs "
                    + vocabulary.maskWords());
        }
        Arrays.fill(mask, 0L);
        if (!ended) {
            long[] allowed = constraint.mask(state);
            System.arraycopy(allowed, 0, mask, 0, allowed.length);
        }
    }

    /** The allowed tokens as a set. */
    public BitSet allowedTokens() {
        long[] mask = new long[vocabulary.maskWords()];
        fillMask(mask);
        return BitSet.valueOf(mask);
    }

    /** Whether {@code tokenId} may come next, without computing the whole mask. */
    public boolean isAllowed(int tokenId) {
        if (ended || tokenId < 0 || tokenId >= vocabulary.size()) {
            return false;
        }
        if (tokenId == vocabulary.eosId()) {
            return constraint.isAccepting(state);
        }
        return vocabulary.textTokens().get(tokenId) && constraint.run(state, vocabulary.tokenBytes()[tokenId]) >= 0;
    }

    /** Advances past {@code tokenId}; returns false, and changes nothing, when the token is not allowed. */
    public boolean accept(int tokenId) {
        if (ended || tokenId < 0 || tokenId >= vocabulary.size()) {
            return false;
        }
        if (tokenId == vocabulary.eosId()) {
            if (!constraint.isAccepting(state)) {
                return false;
            }
            ended = true;
            return true;
        }
        if (!vocabulary.textTokens().get(tokenId)) {
            return false;
        }
        int next = constraint.run(state, vocabulary.tokenBytes()[tokenId]);
        if (next < 0) {
            return false;
        }
        state = next;
        return true;
    }

    /** The output so far is a complete value: EOS is allowed. */
    public boolean isComplete() {
        return !ended && constraint.isAccepting(state);
    }

    /** Nothing but EOS can follow (or EOS was accepted): stop generating. */
    public boolean isTerminated() {
        return ended || (constraint.isAccepting(state) && !constraint.hasExit(state));
    }

    /**
     * The bytes the constraint forces next, at most {@code limit}: the run during which exactly one byte is
     * possible and the output is not yet complete. Generation may tokenize and feed them as one batch.
     */
    public byte[] forcedBytes(int limit) {
        byte[] out = new byte[Math.max(0, limit)];
        int n = 0;
        int s = state;
        while (!ended && n < limit && !constraint.isAccepting(s)) {
            int only = -1;
            for (int b = 0; b < 256; b++) {
                if (constraint.next(s, b) >= 0) {
                    if (only >= 0) {
                        only = -2;
                        break;
                    }
                    only = b;
                }
            }
            if (only < 0) {
                break;
            }
            out[n++] = (byte) only;
            s = constraint.next(s, only);
        }
        return Arrays.copyOf(out, n);
    }

    /** An independent matcher at the same point (for look-ahead or speculative decoding). */
    public TokenMatcher copy() {
        TokenMatcher m = new TokenMatcher(constraint, state);
        m.ended = ended;
        return m;
    }

    /** A full-trie walk bypassing the cache and the slice: a test oracle. */
    long[] uncachedMask() {
        return ended ? new long[vocabulary.maskWords()] : constraint.uncachedFullWalk(state);
    }
}
