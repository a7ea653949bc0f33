package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.model.CausalModel;

/**
 * Builds CUDA-backed engine parts on the probed device. Each call owns what it creates: close the returned object
 * to free its device memory.
 */
public interface CudaFactory {

    /**
     * The kernel SPI on the device, for the host-driven forward pass ({@code DeepSeek2Model.load(file, kernels)}):
     * weights are uploaded on first use and stay; activations travel per call (correct everywhere, but each op pays a
     * copy — use {@link #deepSeek2} for speed).
     */
    Kernels kernels();

    /**
     * A DeepSeek-V2 model resident on the device: every weight uploaded once (quantized types stay quantized),
     * the MLA cache in device memory, prefill with cuBLAS, decode as one captured CUDA graph per cache.
     *
     * @param contextLength tokens per sequence cache; 0 = min(the model's, 4096)
     */
    CausalModel deepSeek2(GgufFile file, int contextLength);
}
