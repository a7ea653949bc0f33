package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.kernels.cuda.plan.WeightUploadPlan;
import dev.seekfix.engine.tensor.GgmlType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Device copies of host weight views for the kernel SPI adapter, made on first use and kept: the same file region
 * (address and size) is uploaded once however many {@link WeightMatrix} views of it are made.
 */
public final class WeightCache implements AutoCloseable {

    private record Key(long address, long bytes) {
    }

    private final CudaContext ctx;
    private final Map<Key, DeviceMatrix> matrices = new HashMap<>();
    private final List<DeviceBuffer> buffers = new ArrayList<>();

    public WeightCache(CudaContext ctx) {
        this.ctx = ctx;
    }

    public DeviceMatrix get(WeightMatrix w) {
        return matrices.computeIfAbsent(new Key(w.data().address(), w.data().byteSize()), k -> upload(w));
    }

    private DeviceMatrix upload(WeightMatrix w) {
        GgmlType device = WeightUploadPlan.deviceType(new WeightUploadPlan.TensorSpec(w.name(), w.type(), w.cols(),
                Math.max(2, w.rows()))); // a one-row matrix is still a matrix here, not a norm vector
        DeviceBuffer b = ctx.allocate(device.rowBytes(w.cols()) * w.rows(), w.name());
        buffers.add(b);
        if (device == w.type()) {
            ctx.upload(w.data(), b.address());
        } else {
            try (Arena arena = Arena.ofConfined()) {
                ctx.upload(HostConversion.convert(w.type(), w.data(), w.rows(), w.cols(), device, arena), b.address());
            }
        }
        return new DeviceMatrix(w.name(), device, b.address(), w.rows(), w.cols(), 1);
    }

    @Override
    public void close() {
        for (DeviceBuffer b : buffers) b.close();
        buffers.clear();
        matrices.clear();
    }
}
