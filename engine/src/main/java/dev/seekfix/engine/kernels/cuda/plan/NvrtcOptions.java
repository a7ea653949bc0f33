package dev.seekfix.engine.kernels.cuda.plan;

import java.util.List;

/**
 * The NVRTC command line for one device. NVRTC must emit CUBIN for the device's own architecture
 * ({@code --gpu-architecture=sm_XY}): PTX from a newer NVRTC is refused by an older driver ("Unsupported .version",
 * BUILD.md), and CUBIN also skips the driver's JIT at every start. The kernels use warp shuffles with masks, so
 * Volta (7.0) is the oldest architecture they run on.
 */
public record NvrtcOptions(String arch, List<String> options) {

    public static final int MIN_MAJOR = 7;

    public static NvrtcOptions forComputeCapability(int major, int minor) {
        if (major < MIN_MAJOR) {
            throw new IllegalArgumentException("compute capability " + major + "." + minor + " is below " + MIN_MAJOR
                    + ".0 (Volta), the oldest the seekfix kernels support; use --backend cpu on this machine");
        }
        if (minor < 0 || minor > 9) throw new IllegalArgumentException("compute capability minor must be 0…9, found " + minor);
        String arch = "sm_" + major + minor;
        return new NvrtcOptions(arch, List.of(
                "--gpu-architecture=" + arch,
                "--std=c++17",
                "--fmad=true"));         // fused multiply-add, as nvcc's default
    }

    /** The same compile as nvcc arguments (for the build-time check): {@code -cubin -arch=sm_XY}. */
    public List<String> nvccArguments() {
        return List.of("-cubin", "-arch=" + arch, "-std=c++17", "--fmad=true");
    }
}
