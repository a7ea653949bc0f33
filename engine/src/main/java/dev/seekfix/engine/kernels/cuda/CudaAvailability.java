package dev.seekfix.engine.kernels.cuda;

/** What the one-time CUDA probe found: a usable device with a factory for its kernels and models, or the reason why not. */
public sealed interface CudaAvailability {

    /** A device that initialised, with a compute capability the kernels support. */
    record Available(CudaDevice device, CudaFactory factory) implements CudaAvailability {
    }

    /** @param reason says what is missing and where it was looked for, e.g. {@code libcuda.so.1: cannot open …} */
    record Unavailable(String reason) implements CudaAvailability {
    }

    /** {@code "cuda:0 NVIDIA H200, …"} or {@code "no device: <reason>"}. */
    default String describe() {
        return switch (this) {
            case Available a -> a.device().describe();
            case Unavailable u -> "no device: " + u.reason();
        };
    }
}
