package dev.seekfix.engine.tokenizer;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The ids with a role: BOS and EOS from the GGUF, and the end-of-generation set that llama.cpp derives
 * ({@code special_eog_ids}: EOS, EOT, EOM, FIM pad/repo/sep and tokens whose text marks an end of turn).
 *
 * @param bos            begin-of-sequence id, if the vocabulary has one
 * @param eos            end-of-sequence id, if the vocabulary has one
 * @param endOfGeneration sorted ids at which generation stops
 * @param addBos         {@code tokenizer.ggml.add_bos_token}: the model expects a BOS before plain text
 * @param addEos         {@code tokenizer.ggml.add_eos_token}
 */
public record SpecialTokens(OptionalInt bos, OptionalInt eos, int[] endOfGeneration, boolean addBos, boolean addEos) {

    public SpecialTokens {
        endOfGeneration = Arrays.stream(endOfGeneration).distinct().sorted().toArray();
    }

    @Override
    public int[] endOfGeneration() {
        return endOfGeneration.clone();
    }

    public boolean isEndOfGeneration(int id) {
        return Arrays.binarySearch(endOfGeneration, id) >= 0;
    }
}
