package dev.seekfix.engine.kernels.cuda.model;

import dev.seekfix.engine.kernels.cuda.device.CudaContext;
import dev.seekfix.engine.kernels.cuda.device.DeviceBuffer;
import dev.seekfix.engine.kernels.cuda.plan.LatentCacheLayout;
import dev.seekfix.engine.model.SequenceCache;

/**
 * One sequence's absorbed-MLA cache in device memory ({@link LatentCacheLayout}), plus the decode graph captured for
 * it: the graph bakes in this cache's addresses, so each cache has its own, made on its first single-token step.
 */
final class DeviceLatentCache implements SequenceCache, AutoCloseable {

    final LatentCacheLayout layout;
    final DeviceBuffer buffer;
    CudaContext.Graph decodeGraph;
    private int length;

    DeviceLatentCache(CudaContext ctx, LatentCacheLayout layout) {
        this.layout = layout;
        this.buffer = ctx.allocate(layout.totalBytes(), "MLA cache (" + layout.capacity() + " tokens)");
    }

    long layer(int l) {
        return buffer.address() + layout.offset(l, 0);
    }

    @Override
    public int length() { return length; }

    @Override
    public int capacity() { return layout.capacity(); }

    @Override
    public void truncate(int length) {
        if (length < 0 || length > this.length) {
            throw new IllegalArgumentException("cannot truncate a cache of " + this.length + " tokens to " + length);
        }
        this.length = length;
    }

    void advance(int tokens) {
        length += tokens;
    }

    @Override
    public void close() {
        if (decodeGraph != null) decodeGraph.close();
        decodeGraph = null;
        buffer.close();
    }
}
