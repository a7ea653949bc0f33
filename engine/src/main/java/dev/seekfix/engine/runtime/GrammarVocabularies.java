package dev.seekfix.engine.runtime;

import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.grammar.GrammarVocabulary;
import dev.seekfix.engine.tokenizer.Tokenizer;
import dev.seekfix.engine.tokenizer.Vocabulary;

import java.util.BitSet;

/** The view of a tokenizer that constrained decoding needs (CONSTRAINED-DECODING.md, "Vocabulary facts"). */
final class GrammarVocabularies {

    private GrammarVocabularies() {
    }

    static GrammarVocabulary of(Tokenizer tokenizer) {
        Vocabulary v = tokenizer.vocabulary();
        byte[][] bytes = new byte[v.size()][]; // [id] the bytes a token emits
        BitSet text = new BitSet(v.size());
        for (int id = 0; id < v.size(); id++) {
            bytes[id] = v.token(id).bytes();
            if (v.isText(id) && bytes[id].length > 0) text.set(id);
        }
        int eos = tokenizer.specialTokens().eos().orElseThrow(() -> new EngineException(
                "the model's vocabulary has no EOS token (tokenizer.ggml.eos_token_id), so a constrained output"
                        + " cannot end; use a model file with an EOS id"));
        text.clear(eos);
        return new GrammarVocabulary(bytes, text, eos);
    }
}
