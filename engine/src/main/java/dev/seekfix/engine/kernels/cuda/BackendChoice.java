package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.api.Backend;
import dev.seekfix.engine.api.EngineException;

import java.util.function.Supplier;

/**
 * The kernel backend picked for {@code --backend cuda|cpu|scalar|auto}, with a sentence saying why (log it once).
 * {@code cuda} on a machine without a usable device is an {@link EngineException}; {@code auto} falls back to the CPU.
 */
public sealed interface BackendChoice {

    String reason();

    record Cuda(CudaAvailability.Available cuda, String reason) implements BackendChoice {
    }

    record Cpu(String reason) implements BackendChoice {
    }

    record Scalar(String reason) implements BackendChoice {
    }

    /** @param probe consulted only for {@code CUDA} and {@code AUTO} (so {@code cpu} never loads CUDA classes) */
    static BackendChoice choose(Backend requested, Supplier<CudaAvailability> probe) {
        return switch (requested) {
            case CPU -> new Cpu("backend cpu requested");
            case SCALAR -> new Scalar("backend scalar requested (reference kernels, slow)");
            case CUDA -> switch (probe.get()) {
                case CudaAvailability.Available a -> new Cuda(a, "backend cuda requested: " + a.device().describe());
                case CudaAvailability.Unavailable u -> throw new EngineException("--backend cuda was requested but CUDA cannot run here: "
                        + u.reason() + ". Check the GPU with nvidia-smi, or run with --backend cpu (or auto)");
            };
            case AUTO -> switch (probe.get()) {
                case CudaAvailability.Available a -> new Cuda(a, "backend auto chose cuda: " + a.device().describe());
                case CudaAvailability.Unavailable u -> new Cpu("backend auto chose cpu: no CUDA device (" + u.reason() + ")");
            };
        };
    }
}
