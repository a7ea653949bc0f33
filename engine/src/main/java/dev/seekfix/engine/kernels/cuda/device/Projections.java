package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.kernels.cuda.plan.Kernel;
import dev.seekfix.engine.kernels.cuda.plan.LaunchGeometry;
import dev.seekfix.engine.tensor.GgmlType;

/**
 * Matrix products on the device, picking the kernel by batch size like llama.cpp's ggml_cuda_mul_mat: few tokens
 * run the dequantizing matvec (weights read once per token, in their quantized form); larger batches widen the
 * activations — and, for quantized weights, chunks of rows — to fp16/bf16 and use cuBLAS on the tensor cores.
 * F32 weights (routers, derived matrices) always take the matvec path, so their activations stay fp32 as in ggml.
 */
public final class Projections {

    /** From this many tokens on, a product goes through cuBLAS. */
    public static final int GEMM_MIN_TOKENS = 8;

    private final CudaContext ctx;
    private final long halfActs;      // [tokens][cols] u16 scratch
    private final long halfActsBytes;
    private final long halfWeights;   // widened weight rows
    private final long halfWeightsBytes;

    public Projections(CudaContext ctx, long halfActs, long halfActsBytes, long halfWeights, long halfWeightsBytes) {
        this.ctx = ctx;
        this.halfActs = halfActs;
        this.halfActsBytes = halfActsBytes;
        this.halfWeights = halfWeights;
        this.halfWeightsBytes = halfWeightsBytes;
    }

    /** {@code y[t][r] = Σ_c w[r][c] · x[t][c]}: x [tokens][cols], y [tokens][rows], device addresses. */
    public void apply(DeviceMatrix w, long x, int tokens, long y) {
        if (tokens < GEMM_MIN_TOKENS || w.type() == GgmlType.F32) {
            matvec(w, 0, x, w.cols(), 1, y, w.rows(), tokens);
        } else {
            gemm(w, x, tokens, y);
        }
    }

    /**
     * {@code outputs} products with matrices chosen on the device: output j uses matrix {@code ids[j]} (0 when ids is
     * 0), reads {@code x + (j / xDiv) · xStride} and writes {@code y + j · yStride}.
     */
    public void matvec(DeviceMatrix w, long ids, long x, int xStride, int xDiv, long y, int yStride, int outputs) {
        Kernel k = Kernel.matvec(w.type()).orElseThrow(() -> new IllegalArgumentException(
                "no device matvec for " + w.type() + " (" + w.name() + "); the upload plan should have converted it"));
        ctx.launch(k, LaunchGeometry.matvec(w.rows(), outputs), new KernelArgs().ptr(w.address()).i64(w.matrixBytes())
                .ptr(ids).ptr(x).i32(xStride).i32(xDiv).ptr(y).i32(yStride).i32(w.rows()).i32(w.cols()));
    }

    private void gemm(DeviceMatrix w, long x, int tokens, long y) {
        boolean bf16 = w.type() == GgmlType.BF16;
        long n = (long) tokens * w.cols();
        if (2 * n > halfActsBytes) {
            throw new IllegalStateException(tokens + " tokens × " + w.cols() + " exceed the half-activation scratch of "
                    + halfActsBytes + " B (" + w.name() + ")");
        }
        ctx.launch(Kernel.F32_TO_HALF, LaunchGeometry.elementwise(n, 1), new KernelArgs().ptr(x).ptr(halfActs).i64(n).i32(bf16 ? 1 : 0));
        if (w.type() == GgmlType.F16 || bf16) {
            ctx.gemm().multiply(w.address(), halfActs, y, w.rows(), w.cols(), tokens, w.rows(), bf16);
            return;
        }
        Kernel widen = Kernel.rowsToHalf(w.type()).orElseThrow(() -> new IllegalArgumentException(
                "no device widening for " + w.type() + " (" + w.name() + ")"));
        int chunk = (int) Math.max(1, Math.min(Math.min(w.rows(), 65535), halfWeightsBytes / (2L * w.cols())));
        for (int r0 = 0; r0 < w.rows(); r0 += chunk) {
            int rc = Math.min(chunk, w.rows() - r0);
            ctx.launch(widen, new LaunchGeometry((w.cols() + 255) / 256, rc, 1, 256, 1, 1, 0), new KernelArgs()
                    .ptr(w.address() + r0 * w.rowBytes()).i64(w.rowBytes()).ptr(halfWeights).i32(w.cols()).i32(0));
            ctx.gemm().multiply(halfWeights, halfActs, y + 4L * r0, rc, w.cols(), tokens, w.rows(), false);
        }
    }
}
