package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.kernels.cuda.plan.CubinCache;
import dev.seekfix.engine.kernels.cuda.plan.Kernel;
import dev.seekfix.engine.kernels.cuda.plan.KernelSource;
import dev.seekfix.engine.kernels.cuda.plan.NvrtcOptions;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.BytePointer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every kernel source compiled for the device (from the on-disk cache when the same source, architecture and
 * options were compiled before) and loaded with cuModuleLoadData into the current context.
 */
final class KernelModules implements AutoCloseable {

    private final List<CUmod_st> modules = new ArrayList<>();
    private final Map<Kernel, CUfunc_st> functions = new EnumMap<>(Kernel.class);

    KernelModules(NvrtcOptions options, CubinCache cache) {
        for (KernelSource source : KernelSource.all()) {
            byte[] cubin = cache.read(source, options).orElseGet(() -> {
                byte[] compiled = NvrtcCompiler.compile(source, options);
                cache.write(source, options, compiled);
                return compiled;
            });
            CUmod_st module = new CUmod_st();
            try (BytePointer image = new BytePointer(cubin)) {
                CudaCheck.driver(cudart.cuModuleLoadData(module, image), "cuModuleLoadData(" + source.file() + ", "
                        + options.arch() + ", cached at " + cache.pathFor(source, options) + ")");
            }
            modules.add(module);
            for (Kernel k : Kernel.values()) {
                if (!k.file().equals(source.file())) continue;
                CUfunc_st f = new CUfunc_st();
                CudaCheck.driver(cudart.cuModuleGetFunction(f, module, k.symbol()), "cuModuleGetFunction(" + k.symbol() + ")");
                functions.put(k, f);
            }
        }
    }

    CUfunc_st function(Kernel k) {
        CUfunc_st f = functions.get(k);
        if (f == null) throw new IllegalStateException("kernel " + k.symbol() + " was not loaded from " + k.file());
        return f;
    }

    @Override
    public void close() {
        for (CUmod_st m : modules) cudart.cuModuleUnload(m);
        modules.clear();
        functions.clear();
    }
}
