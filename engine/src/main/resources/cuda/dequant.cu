// Element-wise dequantization (ggml-quants.c dequantize_row_*): embedding rows gathered by token id, and weight
// rows widened to fp16/bf16 for the cuBLAS prefill path (llama.cpp ggml-cuda/convert.cu does the same before
// cublasGemmEx when the batch is large). Not on the decode hot path: clarity over speed.

__device__ __forceinline__ float elem_f32(const u8* row, int i) { return ((const float*) row)[i]; }
__device__ __forceinline__ float elem_f16(const u8* row, int i) { return f16_to_f32(((const u16*) row)[i]); }
__device__ __forceinline__ float elem_bf16(const u8* row, int i) { return bf16_to_f32(((const u16*) row)[i]); }

__device__ __forceinline__ float elem_q8_0(const u8* row, int i) {
    const u8* blk = row + (i / 32) * 34;
    return f16_to_f32(load_u16(blk)) * ((const i8*) blk)[2 + i % 32];
}

__device__ __forceinline__ float elem_q5_0(const u8* row, int i) {
    const u8* blk = row + (i / 32) * 22;
    int j = i % 32;
    u32 qh = load_u32(blk + 2);
    int q = j < 16 ? ((blk[6 + j] & 0xF) | (((qh >> j) << 4) & 0x10))
                   : ((blk[6 + j - 16] >> 4) | ((qh >> (j - 16 + 12)) & 0x10));
    return f16_to_f32(load_u16(blk)) * (q - 16);
}

__device__ __forceinline__ float elem_q4_k(const u8* row, int i) {
    const u8* blk = row + (i / 256) * 144;
    int e = i % 256, sub = e / 32, l = e % 32;
    const u8* sc = blk + 4;
    int s, m;
    if (sub < 4) { s = sc[sub] & 63; m = sc[sub + 4] & 63; }
    else { s = (sc[sub + 4] & 0xF) | ((sc[sub - 4] >> 6) << 4); m = (sc[sub + 4] >> 4) | ((sc[sub] >> 6) << 4); }
    int q = (blk[16 + 32 * (sub / 2) + l] >> ((sub % 2) * 4)) & 0xF;
    return f16_to_f32(load_u16(blk)) * s * q - f16_to_f32(load_u16(blk + 2)) * m;
}

__device__ __forceinline__ float elem_q6_k(const u8* row, int i) {
    const u8* blk = row + (i / 256) * 210;
    int e = i % 256, half = e / 128, r = e % 128, quarter = r / 32, l = r % 32;
    int low = (blk[64 * half + l + (quarter % 2) * 32] >> ((quarter / 2) * 4)) & 0xF;
    int high = (blk[128 + 32 * half + l] >> (2 * quarter)) & 3;
    int q = (low | (high << 4)) - 32;
    return f16_to_f32(load_u16(blk + 208)) * ((const i8*) blk)[192 + e / 16] * q;
}

// out[j][i] = W[ids[j]][i]: grid (ceil(cols / blockDim.x), n)
#define GATHER_KERNEL(suffix)                                                                                     \
    extern "C" __global__ void gather_rows_##suffix(const u8* __restrict__ w, i64 row_bytes,                     \
                                                    const int* __restrict__ ids, float* __restrict__ out, int cols) { \
        int i = blockIdx.x * blockDim.x + threadIdx.x;                                                            \
        if (i >= cols) return;                                                                                    \
        int j = blockIdx.y;                                                                                       \
        out[(i64) j * cols + i] = elem_##suffix(w + ids[j] * row_bytes, i);                                      \
    }

// out[r][i] = half(W[first + r][i]) as fp16 (bf16 == 0) or bf16: grid (ceil(cols / blockDim.x), rows)
#define TO_HALF_KERNEL(suffix)                                                                                    \
    extern "C" __global__ void rows_to_half_##suffix(const u8* __restrict__ w, i64 row_bytes, u16* __restrict__ out, \
                                                     int cols, int bf16) {                                        \
        int i = blockIdx.x * blockDim.x + threadIdx.x;                                                            \
        if (i >= cols) return;                                                                                    \
        i64 r = blockIdx.y;                                                                                       \
        float v = elem_##suffix(w + r * row_bytes, i);                                                            \
        out[r * cols + i] = bf16 ? f32_to_bf16(v) : f32_to_f16(v);                                                \
    }

GATHER_KERNEL(f32)
GATHER_KERNEL(f16)
GATHER_KERNEL(bf16)
GATHER_KERNEL(q8_0)
GATHER_KERNEL(q5_0)
GATHER_KERNEL(q4_k)
GATHER_KERNEL(q6_k)
TO_HALF_KERNEL(f32)
TO_HALF_KERNEL(q8_0)
TO_HALF_KERNEL(q5_0)
TO_HALF_KERNEL(q4_k)
TO_HALF_KERNEL(q6_k)
