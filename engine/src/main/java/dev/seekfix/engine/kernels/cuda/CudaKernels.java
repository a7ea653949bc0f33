package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.kernels.cuda.device.CudaContext;
import dev.seekfix.engine.kernels.cuda.device.DeviceBuffer;
import dev.seekfix.engine.kernels.cuda.device.DeviceMatrix;
import dev.seekfix.engine.kernels.cuda.device.KernelArgs;
import dev.seekfix.engine.kernels.cuda.device.Projections;
import dev.seekfix.engine.kernels.cuda.device.WeightCache;
import dev.seekfix.engine.kernels.cuda.plan.DeviceWorkspace;
import dev.seekfix.engine.kernels.cuda.plan.Kernel;
import dev.seekfix.engine.kernels.cuda.plan.LaunchGeometry;

/**
 * The {@link Kernels} SPI on a CUDA device: the same host-array contract as {@code cpu}, so the host-driven
 * {@code DeepSeek2Model} runs on the GPU unchanged. Weights are uploaded once (quantized types stay quantized, see
 * {@link WeightCache}); every call copies its activations in and its results out, so this adapter is for checking
 * kernels against the scalar oracle and for models the device-resident path does not cover — the fast path is
 * {@link CudaFactory#deepSeek2}. Unlike ggml's CPU backend, activations are not rounded to the weights' vec-dot type
 * before a matvec (fp32 activations against dequantized weights), so results differ from {@code scalar} by about
 * that rounding. Thread-confined.
 */
public final class CudaKernels implements Kernels {

    private static final long SCRATCH_FLOATS = 1L << 22; // grows on demand

    private final CudaContext ctx;
    private final WeightCache weights;
    private DeviceBuffer a, b, c, half;
    private Projections projections;

    public CudaKernels(CudaContext ctx) {
        this.ctx = ctx;
        this.weights = new WeightCache(ctx);
        ensure(SCRATCH_FLOATS);
    }

    /** Makes each of the three float scratch buffers hold at least {@code floats}. */
    private void ensure(long floats) {
        if (a != null && a.bytes() >= 4 * floats) return;
        long n = Math.max(floats, SCRATCH_FLOATS);
        for (DeviceBuffer old : new DeviceBuffer[]{a, b, c, half}) if (old != null) old.close();
        a = ctx.allocate(4 * n, "kernel scratch a");
        b = ctx.allocate(4 * n, "kernel scratch b");
        c = ctx.allocate(4 * n, "kernel scratch c");
        half = ctx.allocate(2 * n + DeviceWorkspace.HALF_WEIGHT_CHUNK_BYTES, "half-precision scratch");
        projections = new Projections(ctx, half.address(), 2 * n, half.address() + 2 * n, DeviceWorkspace.HALF_WEIGHT_CHUNK_BYTES);
    }

    /** Fills the device scratch with NaN (0xFF bytes) so a test can see elements a kernel failed to write. */
    public void poisonScratch() {
        for (DeviceBuffer d : new DeviceBuffer[]{a, b, c}) ctx.fill(d.address(), d.bytes(), 0xFF);
        ctx.synchronize();
    }

    public CudaDevice device() {
        return ctx.device();
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public void matmul(WeightMatrix w, float[] x, int tokens, float[] out) {
        DeviceMatrix m = weights.get(w);
        ensure(Math.max((long) tokens * w.cols(), (long) tokens * w.rows()));
        ctx.upload(x, 0, tokens * w.cols(), a.address());
        projections.apply(m, a.address(), tokens, b.address());
        ctx.download(b.address(), out, 0, tokens * w.rows());
    }

    @Override
    public void rmsnorm(float[] out, int outOffset, float[] x, int xOffset, int stride, int tokens, int n, float[] weight, float eps) {
        int span = (tokens - 1) * stride + n;
        ensure(Math.max(span, n));
        ctx.upload(x, xOffset, span, a.address());
        ctx.upload(weight, 0, n, c.address());
        if (out == x && outOffset == xOffset) {
            ctx.copy(a.address(), b.address(), 4L * span); // keep the gaps between rows
        } else {
            ctx.upload(out, outOffset, span, b.address());
        }
        ctx.launch(Kernel.RMSNORM, LaunchGeometry.perRow(tokens), new KernelArgs().ptr(a.address()).i32(stride)
                .ptr(c.address()).ptr(b.address()).i32(stride).i32(n).f32(eps));
        ctx.download(b.address(), out, outOffset, span);
    }

    @Override
    public void rope(float[] x, int offset, int dims, float[] cos, float[] sin, int tableOffset) {
        ctx.upload(x, offset, dims, a.address());
        ctx.upload(cos, tableOffset, dims / 2, b.address());
        ctx.upload(sin, tableOffset, dims / 2, c.address());
        ctx.launch(Kernel.ROPE_TABLE, LaunchGeometry.elementwise(dims / 2, 1), new KernelArgs().ptr(a.address()).i32(dims)
                .ptr(b.address()).ptr(c.address()));
        ctx.download(a.address(), x, offset, dims);
    }

    @Override
    public void softmax(float[] x, int offset, int n, float scale) {
        ensure(n);
        ctx.upload(x, offset, n, a.address());
        ctx.launch(Kernel.SOFTMAX_ROWS, LaunchGeometry.perRow(1), new KernelArgs().ptr(a.address()).i32(n).i32(n).ptr(0)
                .i32(1).f32(scale));
        ctx.download(a.address(), x, offset, n);
    }

    @Override
    public void siluMul(float[] gate, float[] up, float[] out, int n) {
        ensure(n);
        ctx.upload(gate, 0, n, a.address());
        ctx.upload(up, 0, n, b.address());
        ctx.launch(Kernel.SILU_MUL, LaunchGeometry.elementwise(n, 1), new KernelArgs().ptr(a.address()).ptr(b.address())
                .ptr(c.address()).i32(n));
        ctx.download(c.address(), out, 0, n);
    }

    @Override
    public void attentionScores(float[] q, int qOffset, float[] keys, int keysOffset, int stride, int dim, int length,
                                float[] scores, int scoresOffset) {
        int span = (length - 1) * stride + dim;
        ensure(span);
        ctx.upload(q, qOffset, dim, a.address());
        ctx.upload(keys, keysOffset, span, b.address());
        ctx.launch(Kernel.DOT_ROWS, LaunchGeometry.dotRows(length), new KernelArgs().ptr(a.address()).ptr(b.address())
                .i32(stride).i32(dim).i32(length).ptr(c.address()));
        ctx.download(c.address(), scores, scoresOffset, length);
    }

    @Override
    public void attentionMix(float[] p, int pOffset, float[] values, int valuesOffset, int stride, int dim, int length,
                             float[] out, int outOffset) {
        int span = (length - 1) * stride + dim;
        ensure(span);
        ctx.upload(p, pOffset, length, a.address());
        ctx.upload(values, valuesOffset, span, b.address());
        ctx.launch(Kernel.MIX_ROWS, LaunchGeometry.elementwise(dim, 1), new KernelArgs().ptr(a.address()).ptr(b.address())
                .i32(stride).i32(dim).i32(length).ptr(c.address()));
        ctx.download(c.address(), out, outOffset, dim);
    }

    @Override
    public void close() {
        weights.close();
        for (DeviceBuffer d : new DeviceBuffer[]{a, b, c, half}) if (d != null) d.close();
        ctx.close();
    }
}
