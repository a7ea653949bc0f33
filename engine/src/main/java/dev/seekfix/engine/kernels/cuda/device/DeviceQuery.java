package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.kernels.cuda.CudaAvailability;
import dev.seekfix.engine.kernels.cuda.CudaDevice;
import dev.seekfix.engine.kernels.cuda.plan.CubinCache;
import dev.seekfix.engine.kernels.cuda.plan.NvrtcOptions;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.SizeTPointer;

import java.nio.charset.StandardCharsets;

/**
 * The real device query behind {@code CudaBackend.probe()}: loads the presets (this is where a machine without a
 * driver throws {@link UnsatisfiedLinkError}), counts devices, reads one device's name, memory and compute capability,
 * and checks that NVRTC and cuBLAS load too. Error codes (100 no device, 35 driver older than the runtime) become
 * {@link CudaAvailability.Unavailable} with the code's meaning.
 */
public final class DeviceQuery {

    private final int ordinal;

    public DeviceQuery(int ordinal) {
        this.ordinal = ordinal;
    }

    public CudaAvailability run() {
        Loader.load(cudart.class);
        int[] count = new int[1];
        int rc = cudart.cudaGetDeviceCount(count);
        if (rc != cudart.cudaSuccess) {
            String hint = switch (rc) {
                case 100 -> " (no CUDA-capable device is present)";
                case 35 -> " (the NVIDIA driver is older than the CUDA runtime; CUDA 13 needs driver 580 or newer)";
                default -> "";
            };
            return new CudaAvailability.Unavailable("cudaGetDeviceCount returned " + rc + " "
                    + cudart.cudaGetErrorString(rc).getString() + hint);
        }
        if (count[0] <= ordinal) {
            return new CudaAvailability.Unavailable("device " + ordinal + " requested, " + count[0] + " present");
        }
        CudaCheck.runtime(cudart.cudaSetDevice(ordinal), "cudaSetDevice(" + ordinal + ")");
        int major = attribute(cudart.cudaDevAttrComputeCapabilityMajor);
        int minor = attribute(cudart.cudaDevAttrComputeCapabilityMinor);
        int sms = attribute(cudart.cudaDevAttrMultiProcessorCount);
        CudaCheck.driver(cudart.cuInit(0), "cuInit");
        int[] dev = new int[1];
        CudaCheck.driver(cudart.cuDeviceGet(dev, ordinal), "cuDeviceGet");
        byte[] name = new byte[256];
        CudaCheck.driver(cudart.cuDeviceGetName(name, name.length, dev[0]), "cuDeviceGetName");
        long free, total;
        try (SizeTPointer f = new SizeTPointer(1); SizeTPointer t = new SizeTPointer(1)) {
            CudaCheck.runtime(cudart.cudaMemGetInfo(f, t), "cudaMemGetInfo");
            free = f.get();
            total = t.get();
        }
        int[] driver = new int[1], runtime = new int[1];
        cudart.cudaDriverGetVersion(driver);
        cudart.cudaRuntimeGetVersion(runtime);
        CudaDevice device = new CudaDevice(ordinal, cString(name), total, free, major, minor, sms, driver[0], runtime[0]);
        if (major < NvrtcOptions.MIN_MAJOR) {
            return new CudaAvailability.Unavailable(device.describe() + ": compute capability below "
                    + NvrtcOptions.MIN_MAJOR + ".0 is not supported by the seekfix kernels");
        }
        try {
            Loader.load(nvrtc.class);
            Loader.load(cublas.class);
        } catch (UnsatisfiedLinkError e) {
            return new CudaAvailability.Unavailable(device.describe() + ": NVRTC or cuBLAS libraries missing (" + e.getMessage()
                    + "); install the CUDA 13 toolkit libraries (libnvrtc.so.13, libcublas.so.13)");
        }
        return new CudaAvailability.Available(device, new DeviceFactory(device, new CubinCache(CubinCache.defaultDirectory())));
    }

    private int attribute(int attr) {
        int[] v = new int[1];
        CudaCheck.runtime(cudart.cudaDeviceGetAttribute(v, attr, ordinal), "cudaDeviceGetAttribute(" + attr + ")");
        return v[0];
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
