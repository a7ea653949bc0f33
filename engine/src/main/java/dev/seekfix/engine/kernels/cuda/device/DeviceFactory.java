package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.cuda.CudaDevice;
import dev.seekfix.engine.kernels.cuda.CudaFactory;
import dev.seekfix.engine.kernels.cuda.CudaKernels;
import dev.seekfix.engine.kernels.cuda.model.DeviceDeepSeek2Model;
import dev.seekfix.engine.kernels.cuda.plan.CubinCache;
import dev.seekfix.engine.model.CausalModel;

/** {@link CudaFactory} over the probed device: each product opens (and owns) its own {@link CudaContext}. */
final class DeviceFactory implements CudaFactory {

    private final CudaDevice device;
    private final CubinCache cache;

    DeviceFactory(CudaDevice device, CubinCache cache) {
        this.device = device;
        this.cache = cache;
    }

    @Override
    public Kernels kernels() {
        return new CudaKernels(new CudaContext(device, cache));
    }

    @Override
    public CausalModel deepSeek2(GgufFile file, int contextLength) {
        CudaContext context = new CudaContext(device, cache);
        try {
            return DeviceDeepSeek2Model.load(file, context, contextLength);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }
}
