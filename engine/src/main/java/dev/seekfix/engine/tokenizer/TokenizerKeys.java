package dev.seekfix.engine.tokenizer;

/** GGUF metadata keys of the tokenizer (llama.cpp src/llama-arch.cpp, {@code LLM_KV_TOKENIZER_*}). */
public final class TokenizerKeys {

    public static final String MODEL = "tokenizer.ggml.model";
    public static final String PRE = "tokenizer.ggml.pre";
    public static final String TOKENS = "tokenizer.ggml.tokens";
    public static final String TOKEN_TYPE = "tokenizer.ggml.token_type";
    public static final String MERGES = "tokenizer.ggml.merges";
    public static final String BOS_ID = "tokenizer.ggml.bos_token_id";
    public static final String EOS_ID = "tokenizer.ggml.eos_token_id";
    public static final String EOT_ID = "tokenizer.ggml.eot_token_id";
    public static final String EOM_ID = "tokenizer.ggml.eom_token_id";
    public static final String PAD_ID = "tokenizer.ggml.padding_token_id";
    public static final String FIM_PRE_ID = "tokenizer.ggml.fim_pre_token_id";
    public static final String FIM_SUF_ID = "tokenizer.ggml.fim_suf_token_id";
    public static final String FIM_MID_ID = "tokenizer.ggml.fim_mid_token_id";
    public static final String FIM_PAD_ID = "tokenizer.ggml.fim_pad_token_id";
    public static final String FIM_REP_ID = "tokenizer.ggml.fim_rep_token_id";
    public static final String FIM_SEP_ID = "tokenizer.ggml.fim_sep_token_id";
    /** Deprecated spellings of the FIM ids that older converters wrote. */
    public static final String PREFIX_ID = "tokenizer.ggml.prefix_token_id";
    public static final String SUFFIX_ID = "tokenizer.ggml.suffix_token_id";
    public static final String MIDDLE_ID = "tokenizer.ggml.middle_token_id";
    public static final String ADD_BOS = "tokenizer.ggml.add_bos_token";
    public static final String ADD_EOS = "tokenizer.ggml.add_eos_token";
    public static final String CHAT_TEMPLATE = "tokenizer.chat_template";

    /** The only {@code tokenizer.ggml.model} this engine reads: byte-level BPE. */
    public static final String MODEL_GPT2 = "gpt2";

    private TokenizerKeys() {
    }
}
