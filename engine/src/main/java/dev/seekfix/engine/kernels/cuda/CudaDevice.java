package dev.seekfix.engine.kernels.cuda;

import java.util.Locale;

/**
 * The GPU the CUDA backend uses, as the driver reports it.
 *
 * @param driverVersion  e.g. 13000 for CUDA 13.0 (cudaDriverGetVersion)
 * @param runtimeVersion the cudart the presets loaded
 */
public record CudaDevice(int ordinal, String name, long totalMemoryBytes, long freeMemoryBytes, int computeMajor,
                         int computeMinor, int multiprocessors, int driverVersion, int runtimeVersion) {

    /** {@code sm_90} for compute capability 9.0: the architecture NVRTC compiles for. */
    public String arch() {
        return "sm_" + computeMajor + computeMinor;
    }

    /** One line for logs: {@code cuda:0 NVIDIA H200, 139.8 GiB (139.1 free), compute 9.0 (sm_90), 132 SMs, driver 13.0}. */
    public String describe() {
        return String.format(Locale.ROOT, "cuda:%d %s, %.1f GiB (%.1f free), compute %d.%d (%s), %d SMs, driver %d.%d, runtime %d.%d",
                ordinal, name, totalMemoryBytes / (double) (1L << 30), freeMemoryBytes / (double) (1L << 30), computeMajor,
                computeMinor, arch(), multiprocessors, driverVersion / 1000, driverVersion % 1000 / 10,
                runtimeVersion / 1000, runtimeVersion % 1000 / 10);
    }
}
