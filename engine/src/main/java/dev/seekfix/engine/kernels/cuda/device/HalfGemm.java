package dev.seekfix.engine.kernels.cuda.device;

import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.FloatPointer;

/**
 * {@code Y[t][r] = Σ_c W[r][c] · X[t][c]} with W and X in fp16 or bf16 and Y, the accumulation, in fp32: cublasGemmEx
 * on the tensor cores (llama.cpp ggml-cuda ggml_cuda_op_mul_mat_cublas does the same for prefill). Row-major
 * W [rows][cols] is column-major cols × rows, hence {@code op(A) = T}.
 */
public final class HalfGemm implements AutoCloseable {

    private final cublasContext handle = new cublasContext();
    private final FloatPointer one = new FloatPointer(1f);
    private final FloatPointer zero = new FloatPointer(0f);

    HalfGemm(CUstream_st stream) {
        CudaCheck.cublas(cublas.cublasCreate_v2(handle), "cublasCreate");
        CudaCheck.cublas(cublas.cublasSetStream_v2(handle, stream), "cublasSetStream");
    }

    /**
     * @param w    [rows][cols] half (device address)
     * @param x    [tokens][cols] half
     * @param y    [tokens][yStride] float, rows values per token
     * @param bf16 bfloat16 operands (else fp16)
     */
    public void multiply(long w, long x, long y, int rows, int cols, int tokens, int yStride, boolean bf16) {
        int type = bf16 ? cudart.CUDA_R_16BF : cudart.CUDA_R_16F;
        CudaCheck.cublas(cublas.cublasGemmEx(handle, cublas.CUBLAS_OP_T, cublas.CUBLAS_OP_N, rows, tokens, cols, one,
                new DevicePointer(w, 2L * rows * cols), type, cols, new DevicePointer(x, 2L * tokens * cols), type, cols, zero,
                new DevicePointer(y, 4L * tokens * yStride), cudart.CUDA_R_32F, yStride, cublas.CUBLAS_COMPUTE_32F,
                cublas.CUBLAS_GEMM_DEFAULT), "cublasGemmEx(" + rows + "×" + cols + " by " + tokens + " tokens)");
    }

    @Override
    public void close() {
        cublas.cublasDestroy_v2(handle);
        one.close();
        zero.close();
    }
}
