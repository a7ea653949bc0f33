package dev.seekfix.engine.model.deepseek2;

/** GGUF tensor names of llama.cpp's {@code deepseek2} architecture (src/llama-arch.cpp), in one place. */
public final class TensorNames {

    public static final String TOKEN_EMBD = "token_embd.weight";
    public static final String OUTPUT_NORM = "output_norm.weight";
    public static final String OUTPUT = "output.weight";

    private TensorNames() {
    }

    /** {@code blk.<layer>.<name>.weight}. */
    public static String block(int layer, String name) {
        return "blk." + layer + "." + name + ".weight";
    }
}
