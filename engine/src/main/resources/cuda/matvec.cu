// Dequantizing matrix-vector products for decode (and small batches): y_j = W_m · x_j, the weight blocks read in
// their GGUF layout (ggml-common.h) and dequantized in registers; activations stay fp32. One warp per output row,
// MATVEC_ROWS warps per block; grid = (ceil(rows / MATVEC_ROWS), outputs). Each lane takes "parts" of the row's
// blocks (a quarter of a 32-block, a sixteenth of a 256-block) so a warp reads consecutive bytes.
// Reference design: llama.cpp ggml-cuda/mmvq.cu and dmmv.cu (one warp per row, warp-shuffle reduction).
//
// One kernel per weight type, all with the same parameters:
//   w            the matrices' blocks (matrix m starts at m · matrix_bytes)
//   ids          per output j, the matrix to use (MoE: the selected expert; per-head stacks: the head), or null = 0
//   x, x_stride, x_div   output j reads x + (j / x_div) · x_stride  (x_div = slots per token for expert gate/up)
//   y, y_stride  output j writes y + j · y_stride, rows values
//   rows, cols   of one matrix (cols a multiple of the type's block size)

#define MATVEC_ROWS 4

struct TypeF32  { enum { QK = 1,   BYTES = 4,   PARTS = 1 }; };
struct TypeF16  { enum { QK = 2,   BYTES = 4,   PARTS = 1 }; };   // pairs: one 32-bit load
struct TypeBF16 { enum { QK = 2,   BYTES = 4,   PARTS = 1 }; };
struct TypeQ8_0 { enum { QK = 32,  BYTES = 34,  PARTS = 4 }; };
struct TypeQ5_0 { enum { QK = 32,  BYTES = 22,  PARTS = 4 }; };
struct TypeQ4_K { enum { QK = 256, BYTES = 144, PARTS = 16 }; };
struct TypeQ6_K { enum { QK = 256, BYTES = 210, PARTS = 16 }; };

template <class T> __device__ float part_dot(const u8* blk, int part, const float* x);

template <> __device__ __forceinline__ float part_dot<TypeF32>(const u8* blk, int part, const float* x) {
    return *(const float*) blk * x[0];
}

template <> __device__ __forceinline__ float part_dot<TypeF16>(const u8* blk, int part, const float* x) {
    u32 v = *(const u32*) blk;
    return f16_to_f32((u16) (v & 0xffff)) * x[0] + f16_to_f32((u16) (v >> 16)) * x[1];
}

template <> __device__ __forceinline__ float part_dot<TypeBF16>(const u8* blk, int part, const float* x) {
    u32 v = *(const u32*) blk;
    return bf16_to_f32((u16) (v & 0xffff)) * x[0] + bf16_to_f32((u16) (v >> 16)) * x[1];
}

// block_q8_0 { half d; int8 qs[32]; }: part p covers quants 8p … 8p+7
template <> __device__ __forceinline__ float part_dot<TypeQ8_0>(const u8* blk, int part, const float* x) {
    const i8* q = (const i8*) (blk + 2 + 8 * part);
    const float* xp = x + 8 * part;
    float s = 0.0f;
#pragma unroll
    for (int i = 0; i < 8; i++) s += q[i] * xp[i];
    return s * f16_to_f32(load_u16(blk));
}

// block_q5_0 { half d; u8 qh[4]; u8 qs[16]; }: element j < 16 is the low nibble of qs[j] with bit j of qh,
// element j + 16 the high nibble with bit j + 16; (q - 16) · d. Part p covers qs[4p … 4p+3].
template <> __device__ __forceinline__ float part_dot<TypeQ5_0>(const u8* blk, int part, const float* x) {
    u32 qh = load_u32(blk + 2);
    const u8* qs = blk + 6;
    float s = 0.0f;
#pragma unroll
    for (int k = 0; k < 4; k++) {
        int j = 4 * part + k;
        int lo = ((qs[j] & 0xF) | (((qh >> j) << 4) & 0x10)) - 16;
        int hi = ((qs[j] >> 4) | ((qh >> (j + 12)) & 0x10)) - 16;
        s += lo * x[j] + hi * x[j + 16];
    }
    return s * f16_to_f32(load_u16(blk));
}

// 6-bit scale and min of sub-block j of a Q4_K/Q5_K block (ggml get_scale_min_k4)
__device__ __forceinline__ void scale_min_k4(int j, const u8* q, int* sc, int* m) {
    if (j < 4) {
        *sc = q[j] & 63;
        *m = q[j + 4] & 63;
    } else {
        *sc = (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4);
        *m = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
    }
}

// block_q4_K { half d; half dmin; u8 scales[12]; u8 qs[128]; }: sub-block s (32 elements) uses the low (s even) or
// high (s odd) nibbles of qs[32 (s/2) …]; value = d · sc · q − dmin · m. Part p: sub-block p/2, half p%2 (16 elements).
template <> __device__ __forceinline__ float part_dot<TypeQ4_K>(const u8* blk, int part, const float* x) {
    int sub = part >> 1, half = part & 1;
    int sc, m;
    scale_min_k4(sub, blk + 4, &sc, &m);
    const u8* q = blk + 16 + 32 * (sub >> 1) + 16 * half;
    int shift = (sub & 1) * 4;
    const float* xp = x + 32 * sub + 16 * half;
    float dot = 0.0f, xsum = 0.0f;
#pragma unroll
    for (int l = 0; l < 16; l++) {
        dot += ((q[l] >> shift) & 0xF) * xp[l];
        xsum += xp[l];
    }
    return f16_to_f32(load_u16(blk)) * sc * dot - f16_to_f32(load_u16(blk + 2)) * m * xsum;
}

// block_q6_K { u8 ql[128]; u8 qh[64]; i8 scales[16]; half d; }: element i (0…255): half = i/128, r = i%128,
// quarter = r/32, l = r%32; low 4 bits from ql[64 half + l + 32 (quarter%2)] (nibble quarter/2), high 2 bits from
// qh[32 half + l] (bits 2·quarter); (q − 32) · d · scales[i/16]. Part p covers elements 16p … 16p+15.
template <> __device__ __forceinline__ float part_dot<TypeQ6_K>(const u8* blk, int part, const float* x) {
    int i0 = 16 * part;
    int half = i0 >> 7, r = i0 & 127, quarter = r >> 5, l0 = r & 31;
    const u8* ql = blk + 64 * half + 32 * (quarter & 1) + l0;
    const u8* qh = blk + 128 + 32 * half + l0;
    int lowShift = (quarter >> 1) * 4, highShift = 2 * quarter;
    const float* xp = x + i0;
    float s = 0.0f;
#pragma unroll
    for (int l = 0; l < 16; l++) {
        int q = (((ql[l] >> lowShift) & 0xF) | (((qh[l] >> highShift) & 3) << 4)) - 32;
        s += q * xp[l];
    }
    return s * f16_to_f32(load_u16(blk + 208)) * (float) ((const i8*) blk)[192 + part];
}

template <class T>
__device__ __forceinline__ void matvec(const u8* __restrict__ w, i64 matrix_bytes, const int* __restrict__ ids,
                                       const float* __restrict__ x, int x_stride, int x_div,
                                       float* __restrict__ y, int y_stride, int rows, int cols) {
    int row = blockIdx.x * MATVEC_ROWS + threadIdx.y;
    if (row >= rows) return; // the whole warp leaves together: row is per warp
    int j = blockIdx.y;
    int m = ids ? ids[j] : 0;
    i64 row_bytes = (i64) (cols / T::QK) * T::BYTES;
    const u8* wr = w + m * matrix_bytes + row * row_bytes;
    const float* xj = x + (i64) (j / x_div) * x_stride;
    int parts = (cols / T::QK) * T::PARTS;
    float sum = 0.0f;
    for (int p = threadIdx.x; p < parts; p += WARP) {
        int b = p / T::PARTS;
        sum += part_dot<T>(wr + (i64) b * T::BYTES, p % T::PARTS, xj + b * T::QK);
    }
    sum = warp_sum(sum);
    if (threadIdx.x == 0) y[(i64) j * y_stride + row] = sum;
}

#define MATVEC_KERNEL(name, T)                                                                                   \
    extern "C" __global__ void __launch_bounds__(WARP * MATVEC_ROWS)                                             \
    name(const u8* __restrict__ w, i64 matrix_bytes, const int* __restrict__ ids, const float* __restrict__ x,    \
         int x_stride, int x_div, float* __restrict__ y, int y_stride, int rows, int cols) {                      \
        matvec<T>(w, matrix_bytes, ids, x, x_stride, x_div, y, y_stride, rows, cols);                            \
    }

MATVEC_KERNEL(matvec_f32, TypeF32)
MATVEC_KERNEL(matvec_f16, TypeF16)
MATVEC_KERNEL(matvec_bf16, TypeBF16)
MATVEC_KERNEL(matvec_q8_0, TypeQ8_0)
MATVEC_KERNEL(matvec_q5_0, TypeQ5_0)
MATVEC_KERNEL(matvec_q4_k, TypeQ4_K)
MATVEC_KERNEL(matvec_q6_k, TypeQ6_K)
