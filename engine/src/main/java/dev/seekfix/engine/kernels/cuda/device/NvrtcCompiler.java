package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.kernels.cuda.plan.KernelSource;
import dev.seekfix.engine.kernels.cuda.plan.NvrtcOptions;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

import java.nio.charset.StandardCharsets;

/** Compiles one {@link KernelSource} to CUBIN for the device's architecture with NVRTC. */
final class NvrtcCompiler {

    private NvrtcCompiler() {
    }

    static byte[] compile(KernelSource source, NvrtcOptions options) {
        _nvrtcProgram program = new _nvrtcProgram();
        try (BytePointer text = new BytePointer(source.text(), StandardCharsets.UTF_8);
             BytePointer name = new BytePointer(source.file(), StandardCharsets.UTF_8)) {
            CudaCheck.nvrtc(nvrtc.nvrtcCreateProgram(program, text, name, 0, (PointerPointer<?>) null, (PointerPointer<?>) null),
                    "nvrtcCreateProgram(" + source.file() + ")");
        }
        try {
            String[] opts = options.options().toArray(String[]::new);
            int status;
            try (PointerPointer<BytePointer> argv = new PointerPointer<>(opts)) {
                status = nvrtc.nvrtcCompileProgram(program, opts.length, argv);
            }
            if (status != nvrtc.NVRTC_SUCCESS) {
                throw new CudaException("NVRTC could not compile cuda/" + source.file() + " for " + options.arch() + " with "
                        + options.options() + ":\n" + log(program)
                        + "\nThe kernel sources are compiled with nvcc -cubin in the build (KernelSourcesCompileTest); "
                        + "an error only here points at an NVRTC/driver version mismatch");
            }
            try (SizeTPointer size = new SizeTPointer(1)) {
                CudaCheck.nvrtc(nvrtc.nvrtcGetCUBINSize(program, size), "nvrtcGetCUBINSize");
                byte[] cubin = new byte[Math.toIntExact(size.get())];
                CudaCheck.nvrtc(nvrtc.nvrtcGetCUBIN(program, cubin), "nvrtcGetCUBIN");
                if (cubin.length == 0) {
                    throw new CudaException("NVRTC produced no CUBIN for " + source.file() + " (" + options.arch()
                            + "); an option requested PTX or a virtual architecture");
                }
                return cubin;
            }
        } finally {
            nvrtc.nvrtcDestroyProgram(program);
        }
    }

    private static String log(_nvrtcProgram program) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            if (nvrtc.nvrtcGetProgramLogSize(program, size) != nvrtc.NVRTC_SUCCESS || size.get() <= 1) return "(no log)";
            byte[] log = new byte[Math.toIntExact(size.get())];
            nvrtc.nvrtcGetProgramLog(program, log);
            return new String(log, 0, log.length - 1, StandardCharsets.UTF_8);
        }
    }
}
