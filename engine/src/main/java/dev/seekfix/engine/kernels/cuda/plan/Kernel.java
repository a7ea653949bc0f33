package dev.seekfix.engine.kernels.cuda.plan;

import dev.seekfix.engine.tensor.GgmlType;

import java.util.Optional;

/**
 * Every kernel the Java side launches, with the resource file that defines it: the one place where Java and CUDA
 * names meet (a test compiles each file with nvcc and finds each name in the CUBIN).
 */
public enum Kernel {
    MATVEC_F32("matvec.cu", "matvec_f32"),
    MATVEC_F16("matvec.cu", "matvec_f16"),
    MATVEC_BF16("matvec.cu", "matvec_bf16"),
    MATVEC_Q8_0("matvec.cu", "matvec_q8_0"),
    MATVEC_Q5_0("matvec.cu", "matvec_q5_0"),
    MATVEC_Q4_K("matvec.cu", "matvec_q4_k"),
    MATVEC_Q6_K("matvec.cu", "matvec_q6_k"),
    GATHER_ROWS_F32("dequant.cu", "gather_rows_f32"),
    GATHER_ROWS_F16("dequant.cu", "gather_rows_f16"),
    GATHER_ROWS_BF16("dequant.cu", "gather_rows_bf16"),
    GATHER_ROWS_Q8_0("dequant.cu", "gather_rows_q8_0"),
    GATHER_ROWS_Q5_0("dequant.cu", "gather_rows_q5_0"),
    GATHER_ROWS_Q4_K("dequant.cu", "gather_rows_q4_k"),
    GATHER_ROWS_Q6_K("dequant.cu", "gather_rows_q6_k"),
    ROWS_TO_HALF_F32("dequant.cu", "rows_to_half_f32"),
    ROWS_TO_HALF_Q8_0("dequant.cu", "rows_to_half_q8_0"),
    ROWS_TO_HALF_Q5_0("dequant.cu", "rows_to_half_q5_0"),
    ROWS_TO_HALF_Q4_K("dequant.cu", "rows_to_half_q4_k"),
    ROWS_TO_HALF_Q6_K("dequant.cu", "rows_to_half_q6_k"),
    RMSNORM("elementwise.cu", "rmsnorm"),
    SOFTMAX_ROWS("elementwise.cu", "softmax_rows"),
    SILU_MUL("elementwise.cu", "silu_mul"),
    ADD_INPLACE("elementwise.cu", "add_inplace"),
    ROPE_YARN("elementwise.cu", "rope_yarn"),
    ROPE_TABLE("elementwise.cu", "rope_table"),
    F32_TO_HALF("elementwise.cu", "f32_to_half"),
    COPY_ROWS("elementwise.cu", "copy_rows"),
    DOT_ROWS("elementwise.cu", "dot_rows"),
    MIX_ROWS("elementwise.cu", "mix_rows"),
    MOE_ROUTE("moe.cu", "moe_route"),
    MOE_COMBINE("moe.cu", "moe_combine"),
    GATHER_TOKENS("moe.cu", "gather_tokens"),
    SCATTER_TOKENS("moe.cu", "scatter_tokens"),
    MLA_STORE("mla_attention.cu", "mla_store"),
    MLA_SCORES("mla_attention.cu", "mla_scores"),
    MLA_MIX_PARTIAL("mla_attention.cu", "mla_mix_partial"),
    MLA_MIX_REDUCE("mla_attention.cu", "mla_mix_reduce"),
    FILL_RANDOM_BYTES("random.cu", "fill_random_bytes"),
    SET_BLOCK_SCALES("random.cu", "set_block_scales"),
    FILL_RANDOM_FLOATS("random.cu", "fill_random_floats");

    private final String file;
    private final String symbol;

    Kernel(String file, String symbol) {
        this.file = file;
        this.symbol = symbol;
    }

    /** Resource file under {@code cuda/}. */
    public String file() { return file; }

    /** The {@code extern "C"} name in the CUBIN. */
    public String symbol() { return symbol; }

    /** The decode matrix-vector kernel for a weight type, if the device keeps that type as it is. */
    public static Optional<Kernel> matvec(GgmlType type) {
        return Optional.ofNullable(switch (type) {
            case F32 -> MATVEC_F32;
            case F16 -> MATVEC_F16;
            case BF16 -> MATVEC_BF16;
            case Q8_0 -> MATVEC_Q8_0;
            case Q5_0 -> MATVEC_Q5_0;
            case Q4_K -> MATVEC_Q4_K;
            case Q6_K -> MATVEC_Q6_K;
            default -> null;
        });
    }

    /** Gathers dequantized rows (token embeddings). */
    public static Optional<Kernel> gatherRows(GgmlType type) {
        return Optional.ofNullable(switch (type) {
            case F32 -> GATHER_ROWS_F32;
            case F16 -> GATHER_ROWS_F16;
            case BF16 -> GATHER_ROWS_BF16;
            case Q8_0 -> GATHER_ROWS_Q8_0;
            case Q5_0 -> GATHER_ROWS_Q5_0;
            case Q4_K -> GATHER_ROWS_Q4_K;
            case Q6_K -> GATHER_ROWS_Q6_K;
            default -> null;
        });
    }

    /**
     * Widens weight rows to fp16/bf16 for cuBLAS; empty for F16/BF16, which cuBLAS reads as they are.
     */
    public static Optional<Kernel> rowsToHalf(GgmlType type) {
        return Optional.ofNullable(switch (type) {
            case F32 -> ROWS_TO_HALF_F32;
            case Q8_0 -> ROWS_TO_HALF_Q8_0;
            case Q5_0 -> ROWS_TO_HALF_Q5_0;
            case Q4_K -> ROWS_TO_HALF_Q4_K;
            case Q6_K -> ROWS_TO_HALF_Q6_K;
            default -> null;
        });
    }
}
