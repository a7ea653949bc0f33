package dev.seekfix.engine.grammar;

import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.tokenizer.Tokenizer;
import dev.seekfix.engine.tokenizer.Vocabulary;
import java.util.BitSet;

/**
 * What constrained decoding needs to know about a model's vocabulary: the exact bytes each token emits, which
 * tokens may appear as text at all, and the end-of-generation token.
 *
 * <p>{@code textTokens} must leave out control tokens (BOS, EOS) and padding such as DeepSeek's
 * {@code [PAD100015]}, which is USER_DEFINED but would otherwise let a string field emit that literal text.
 * USER_DEFINED tokens that are real text emit their UTF-8 text, NORMAL tokens their GPT-2-decoded bytes.
 *
 * @param tokenBytes bytes emitted by each token id ({@code null} or empty for ids that are not text)
 * @param textTokens the ids the model may emit as text
 * @param eosId      the end-of-generation id, allowed only where the output is complete
 */
public record GrammarVocabulary(byte[][] tokenBytes, BitSet textTokens, int eosId) {

    public GrammarVocabulary {
        if (eosId < 0 || eosId >= tokenBytes.length) {
            throw new IllegalArgumentException("EOS id " + eosId + " is outside the vocabulary of "
                    + tokenBytes.length + " tokens");
        }
        if (textTokens.length() > tokenBytes.length) {
            throw new IllegalArgumentException("text token id " + (textTokens.length() - 1)
                    + " is outside the vocabulary of " + tokenBytes.length + " tokens");
        }
        if (textTokens.get(eosId)) {
            throw new IllegalArgumentException("EOS id " + eosId + " must not be a text token");
        }
        for (int id = textTokens.nextSetBit(0); id >= 0; id = textTokens.nextSetBit(id + 1)) {
            if (tokenBytes[id] == null || tokenBytes[id].length == 0) {
                throw new IllegalArgumentException("text token " + id + " emits no bytes; leave it out of textTokens");
            }
        }
        textTokens = (BitSet) textTokens.clone();
    }

    /**
     * The vocabulary of a model's tokenizer: every token's output bytes, the tokens that are text
     * ({@link dev.seekfix.engine.tokenizer.Vocabulary#isText}: NORMAL and one-character USER_DEFINED tokens), and
     * its EOS.
     */
    public static GrammarVocabulary of(Tokenizer tokenizer) {
        Vocabulary v = tokenizer.vocabulary();
        int eos = tokenizer.specialTokens().eos().orElseThrow(() -> new EngineException(
                "the model's vocabulary has no EOS token (tokenizer.ggml.eos_token_id); constrained decoding needs "
                        + "one to end the output"));
        byte[][] bytes = new byte[v.size()][];
        BitSet text = new BitSet(v.size());
        for (int id = 0; id < v.size(); id++) {
            bytes[id] = v.tokenBytes(id);
            if (v.isText(id) && bytes[id].length > 0 && id != eos) {
                text.set(id);
            }
        }
        return new GrammarVocabulary(bytes, text, eos);
    }

    public int size() {
        return tokenBytes.length;
    }

    /** Words of a token bitmask for this vocabulary ({@code long[maskWords()]}, bit {@code id} = allowed). */
    public int maskWords() {
        return (tokenBytes.length + 63) >>> 6;
    }
}
