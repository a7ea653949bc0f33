package dev.seekfix.engine.grammar;

import java.util.BitSet;

/**
 * Everything about one model's vocabulary that masks need, built once per model and shared (immutable) by all
 * constraints: the token trie and the string slice. Building it for DeepSeek's 102,400 ids takes ~0.1-0.2 s.
 */
public final class TokenIndex {

    final GrammarVocabulary vocabulary;
    final TokenTrie trie;
    /** Tokens that are whole UTF-8 characters with no {@code "}, {@code \} or control byte: JSON string bodies. */
    final long[] sliceTokens; // [maskWords] bitmask
    /** The text tokens outside the slice, walked whenever the slice applies. */
    final TokenTrie outsideSlice;

    private TokenIndex(GrammarVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.trie = new TokenTrie(vocabulary.tokenBytes(), vocabulary.textTokens());
        BitSet slice = new BitSet(vocabulary.size());
        BitSet rest = new BitSet(vocabulary.size());
        BitSet text = vocabulary.textTokens();
        for (int id = text.nextSetBit(0); id >= 0; id = text.nextSetBit(id + 1)) {
            (StringSlice.isSliceToken(vocabulary.tokenBytes()[id]) ? slice : rest).set(id);
        }
        this.sliceTokens = java.util.Arrays.copyOf(slice.toLongArray(), vocabulary.maskWords());
        this.outsideSlice = new TokenTrie(vocabulary.tokenBytes(), rest);
    }

    public static TokenIndex of(GrammarVocabulary vocabulary) {
        return new TokenIndex(vocabulary);
    }

    public GrammarVocabulary vocabulary() {
        return vocabulary;
    }

    /** Nodes of the token trie (DeepSeek: about 212k). */
    public int trieNodes() {
        return trie.nodeCount();
    }

    public int sliceSize() {
        return java.util.Arrays.stream(sliceTokens).mapToInt(Long::bitCount).sum();
    }
}
