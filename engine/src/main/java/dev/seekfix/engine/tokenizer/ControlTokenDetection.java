package dev.seekfix.engine.tokenizer;

import dev.seekfix.engine.gguf.GgufMetadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * llama.cpp's correction of token types by text (src/llama-vocab.cpp, "auto-detect special tokens by text"):
 * converters often leave end-of-turn and fill-in-the-middle markers as USER_DEFINED, and llama.cpp turns them into
 * CONTROL tokens, which changes tokenization (they are then no longer split out of plain text) and rendering.
 * DeepSeek-Coder's {@code <｜fim▁begin｜>}, {@code <｜fim▁hole｜>} and {@code <｜fim▁end｜>} are such tokens.
 */
final class ControlTokenDetection {

    /** A role whose token llama.cpp finds by text when the GGUF does not name it by id. */
    private record Role(List<String> idKeys, Set<String> texts, boolean endsGeneration) {
    }

    private static final List<Role> ROLES = List.of(
            new Role(List.of(TokenizerKeys.EOT_ID), Set.of("<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>",
                    "<|endoftext|>", "<|end_of_text|>", "<EOT>", "_<EOT>", "<｜end▁of▁sentence｜>",
                    "<end_of_utterance>"), true),
            new Role(List.of(TokenizerKeys.EOM_ID), Set.of("<|eom_id|>"), true),
            new Role(List.of(TokenizerKeys.FIM_PRE_ID, TokenizerKeys.PREFIX_ID), Set.of("<|fim_prefix|>",
                    "<fim-prefix>", "<fim_prefix>", "<｜fim▁begin｜>", "<PRE>", "▁<PRE>", "<|code_prefix|>"), false),
            new Role(List.of(TokenizerKeys.FIM_SUF_ID, TokenizerKeys.SUFFIX_ID), Set.of("<|fim_suffix|>",
                    "<fim-suffix>", "<fim_suffix>", "<｜fim▁hole｜>", "<SUF>", "▁<SUF>", "<|code_suffix|>"), false),
            new Role(List.of(TokenizerKeys.FIM_MID_ID, TokenizerKeys.MIDDLE_ID), Set.of("<|fim_middle|>",
                    "<fim-middle>", "<fim_middle>", "<｜fim▁end｜>", "<MID>", "▁<MID>", "<|code_middle|>"), false),
            new Role(List.of(TokenizerKeys.FIM_PAD_ID), Set.of("<|fim_pad|>", "<fim-pad>", "<fim_pad>", "<PAD>"), true),
            new Role(List.of(TokenizerKeys.FIM_REP_ID), Set.of("<|fim_repo|>", "<|repo_name|>", "<fim-repo>",
                    "<REPO>", "<reponame>"), true),
            new Role(List.of(TokenizerKeys.FIM_SEP_ID), Set.of("<|file_sep|>"), true));

    /** Texts that always end generation and are forced to CONTROL. */
    private static final Set<String> END_OF_GENERATION_TEXTS = Set.of("<|eot_id|>", "<|im_end|>", "<|end|>",
            "<|return|>", "<|call|>", "<end_of_turn>", "<|endoftext|>", "<|eom_id|>", "<EOT>", "_<EOT>",
            "<|end_of_text|>", "<end_of_utterance>");

    /** No listed text is longer; longer tokens skip the lookups. */
    private static final int MAX_TEXT_LENGTH = 32;

    private ControlTokenDetection() {
    }

    /**
     * Corrects {@code types} in place and returns the end-of-generation ids besides EOS.
     * Where several tokens match one role, llama.cpp takes whichever its hash map yields first; this takes the
     * lowest id.
     */
    static int[] apply(List<String> texts, TokenType[] types, GgufMetadata metadata) {
        int[] roleIds = new int[ROLES.size()]; // [role] → id, -1 while not found
        boolean[] explicit = new boolean[ROLES.size()];
        Map<String, Integer> roleByText = new HashMap<>();
        for (int r = 0; r < ROLES.size(); r++) {
            OptionalInt id = explicitId(ROLES.get(r), metadata, texts.size());
            roleIds[r] = id.orElse(-1);
            explicit[r] = id.isPresent();
            for (String text : ROLES.get(r).texts()) roleByText.put(text, r); // each text has one role
        }
        List<Integer> endOfGeneration = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            String text = texts.get(t);
            if (text.length() > MAX_TEXT_LENGTH) continue;
            Integer r = roleByText.get(text);
            if (r != null && roleIds[r] < 0) {
                roleIds[r] = t;
                types[t] = TokenType.CONTROL;
            }
            if (END_OF_GENERATION_TEXTS.contains(text)) {
                types[t] = TokenType.CONTROL;
                endOfGeneration.add(t);
            }
        }
        for (int r = 0; r < ROLES.size(); r++) {
            if (ROLES.get(r).endsGeneration() && roleIds[r] >= 0) endOfGeneration.add(roleIds[r]);
        }
        return endOfGeneration.stream().mapToInt(Integer::intValue).toArray();
    }

    private static OptionalInt explicitId(Role role, GgufMetadata metadata, int vocabularySize) {
        OptionalInt found = OptionalInt.empty();
        for (String key : role.idKeys()) {
            if (!metadata.has(key)) continue;
            long id = metadata.getLong(key);
            // llama.cpp ignores an out-of-range id with a warning
            if (id >= 0 && id < vocabularySize) found = OptionalInt.of((int) id);
        }
        return found;
    }
}
