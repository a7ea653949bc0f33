package dev.seekfix.engine.kernels.cuda.device;

import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.BytePointer;

/** Turns the status codes of the runtime, driver, NVRTC and cuBLAS into {@link CudaException}s that name the call. */
final class CudaCheck {

    private CudaCheck() {
    }

    static void runtime(int status, String call) {
        if (status != cudart.cudaSuccess) {
            BytePointer s = cudart.cudaGetErrorString(status);
            throw new CudaException(call + " failed: CUDA error " + status + " (" + (s == null ? "?" : s.getString()) + ")");
        }
    }

    static void driver(int status, String call) {
        if (status != cudart.CUDA_SUCCESS) {
            String s = "?";
            // cuGetErrorString hands back a pointer to a static string
            try (org.bytedeco.javacpp.PointerPointer<BytePointer> p = new org.bytedeco.javacpp.PointerPointer<>(1)) {
                if (cudart.cuGetErrorString(status, p) == cudart.CUDA_SUCCESS && p.get(0) != null) {
                    s = new BytePointer(p.get(0)).getString();
                }
            }
            throw new CudaException(call + " failed: CUDA driver error " + status + " (" + s + ")");
        }
    }

    static void nvrtc(int status, String call) {
        if (status != nvrtc.NVRTC_SUCCESS) {
            BytePointer s = nvrtc.nvrtcGetErrorString(status);
            throw new CudaException(call + " failed: NVRTC error " + status + " (" + (s == null ? "?" : s.getString()) + ")");
        }
    }

    static void cublas(int status, String call) {
        if (status != cublas.CUBLAS_STATUS_SUCCESS) {
            throw new CudaException(call + " failed: cuBLAS status " + status);
        }
    }
}
