package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.api.Backend;
import dev.seekfix.engine.kernels.cuda.device.DeviceQuery;

/**
 * The entry point for backend selection: {@link #probe()} answers once per JVM whether CUDA can run, and
 * {@link #choose(Backend)} turns {@code --backend} into a decision.
 *
 * <pre>{@code
 * switch (CudaBackend.probe()) {
 *     case CudaAvailability.Available a -> model = a.factory().deepSeek2(file, 4096);
 *     case CudaAvailability.Unavailable u -> log.info("no device: {}", u.reason());
 * }
 * }</pre>
 *
 * The answer is per JVM on purpose, not a convenience singleton: a failed load of the presets' JNI library poisons
 * their classes for the rest of the process, so asking twice could only give a worse answer.
 */
public final class CudaBackend {

    private CudaBackend() {
    }

    private static final class Once {
        static final CudaProbe PROBE = new CudaProbe(() -> new DeviceQuery(0).run());
    }

    /** Loads the CUDA libraries and queries device 0 on the first call; later calls return the same answer. */
    public static CudaAvailability probe() {
        return Once.PROBE.result();
    }

    /** Prints the probe's answer ({@code cuda:0 NVIDIA H200, …} or {@code no device: …}); exit status 2 without a device. */
    public static void main(String[] args) {
        CudaAvailability a = probe();
        System.out.println(a.describe());
        if (a instanceof CudaAvailability.Unavailable) System.exit(2);
    }

    /** {@link BackendChoice#choose} against this JVM's probe. */
    public static BackendChoice choose(Backend requested) {
        return BackendChoice.choose(requested, CudaBackend::probe);
    }
}
