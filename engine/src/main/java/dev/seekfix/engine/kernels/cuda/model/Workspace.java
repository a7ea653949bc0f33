package dev.seekfix.engine.kernels.cuda.model;

import dev.seekfix.engine.kernels.cuda.device.CudaContext;
import dev.seekfix.engine.kernels.cuda.device.DeviceBuffer;
import dev.seekfix.engine.kernels.cuda.plan.DeviceWorkspace;
import dev.seekfix.engine.kernels.cuda.plan.LaunchGeometry;
import dev.seekfix.engine.kernels.cuda.plan.WeightUploadPlan;

/** The device buffers of a {@link DeviceWorkspace} plan, carved out of one allocation (addresses, shapes in the plan). */
final class Workspace implements AutoCloseable {

    final DeviceWorkspace plan;
    final long x, h, out, gathered, expertOut, query, queryA, kv, qcat, scores, partial, latent, headsOut, gate, up,
            slots, router, ids, weights, logits, tokens, start, headIds, half, halfWeights;
    final long halfBytes;
    private final DeviceBuffer buffer;
    private long next;

    Workspace(CudaContext ctx, DeviceWorkspace p, int heads) {
        this.plan = p;
        long headIdCount = (long) p.tokens() * heads;
        this.buffer = ctx.allocate(p.totalBytes() + 4 * headIdCount + 32L * WeightUploadPlan.ALIGNMENT, "forward workspace");
        next = buffer.address();
        x = floats(p.hidden());
        h = floats(p.hidden());
        out = floats(p.hidden());
        gathered = floats(p.hidden());
        expertOut = floats(p.hidden());
        query = floats(p.query());
        queryA = floats(p.queryA());
        kv = floats(p.kv());
        qcat = floats(p.qcat());
        scores = floats(p.scores());
        partial = floats(p.partial());
        latent = floats(p.latent());
        headsOut = floats(p.headsOut());
        gate = floats(p.ffn());
        up = floats(p.ffn());
        slots = floats(p.slots());
        router = floats(p.router());
        ids = floats(p.picks());
        weights = floats(p.picks());
        logits = floats(p.vocabulary());
        tokens = floats(p.tokens());
        start = floats(1);
        headIds = floats(headIdCount);
        halfBytes = 2 * p.halfActs();
        half = bytes(halfBytes);
        halfWeights = bytes(DeviceWorkspace.HALF_WEIGHT_CHUNK_BYTES);
        // output j of a per-head product uses head j % heads: [tokens][heads] ids
        int[] idsByOutput = new int[Math.toIntExact(headIdCount)];
        for (int j = 0; j < idsByOutput.length; j++) idsByOutput[j] = j % heads;
        ctx.upload(idsByOutput, idsByOutput.length, headIds);
    }

    static int mixSplits(int capacity) {
        return LaunchGeometry.mixSplits(capacity);
    }

    private long floats(long n) {
        return bytes(4 * n);
    }

    private long bytes(long n) {
        long at = next;
        next = WeightUploadPlan.align(next + Math.max(n, 4));
        if (next > buffer.address() + buffer.bytes()) throw new IllegalStateException("workspace plan too small: " + plan);
        return at;
    }

    @Override
    public void close() {
        buffer.close();
    }
}
