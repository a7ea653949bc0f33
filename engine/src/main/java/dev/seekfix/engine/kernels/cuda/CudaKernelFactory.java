package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.runtime.KernelFactory;

import java.util.Optional;

/**
 * The {@code cuda} backend as the runtime's {@link KernelFactory} (registered in
 * {@code META-INF/services/dev.seekfix.engine.runtime.KernelFactory}), so {@code --backend cuda|auto} finds it. Creating
 * it touches no CUDA class; {@link #unusableReason()} runs the one-time probe.
 */
public final class CudaKernelFactory implements KernelFactory {

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public Optional<String> unusableReason() {
        return switch (CudaBackend.probe()) {
            case CudaAvailability.Available a -> Optional.empty();
            case CudaAvailability.Unavailable u -> Optional.of(u.reason());
        };
    }

    /** {@link CudaKernels} on the probed device; {@code threads} is irrelevant to a GPU. */
    @Override
    public Kernels open(int threads) {
        return available().factory().kernels();
    }

    /**
     * The device-resident model (weights uploaded once, decode as a CUDA graph): what the runtime should load instead
     * of {@code DeepSeek2Model.load(file, open(threads))} when this backend is chosen, for speed.
     */
    public CausalModel loadResident(GgufFile file, int contextLength) {
        return available().factory().deepSeek2(file, contextLength);
    }

    private static CudaAvailability.Available available() {
        return switch (CudaBackend.probe()) {
            case CudaAvailability.Available a -> a;
            case CudaAvailability.Unavailable u -> throw new EngineException("the CUDA backend cannot run here: " + u.reason()
                    + "; use --backend cpu");
        };
    }
}
