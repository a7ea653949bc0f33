// Small element-wise and per-row ops (ggml ops.cpp semantics): RMSNorm, softmax, SiLU-GLU, residual add,
// RoPE (ggml rope mode NORM: adjacent pairs), activation rounding to fp16/bf16 for cuBLAS.

// y[t] = x[t] / sqrt(mean(x[t]^2) + eps) * w, one block per row t; in place allowed (y == x).
// ggml_compute_forward_rms_norm_f32 then ggml_mul.
extern "C" __global__ void rmsnorm(const float* x, int x_stride, const float* __restrict__ w, float* y, int y_stride,
                                   int n, float eps) {
    __shared__ float scratch[32];
    const float* xr = x + (i64) blockIdx.x * x_stride;
    float* yr = y + (i64) blockIdx.x * y_stride;
    float ss = 0.0f;
    for (int i = threadIdx.x; i < n; i += blockDim.x) ss += xr[i] * xr[i];
    ss = block_sum(ss, scratch);
    float scale = rsqrtf(ss / n + eps);
    for (int i = threadIdx.x; i < n; i += blockDim.x) yr[i] = (xr[i] * scale) * w[i];
}

// x[r][0 … n) = softmax(x[r] · scale), one block per row r; n = length ? length[0] + 1 + r / rows_per_len : n
// (causal attention rows: the query of token t sees start + t + 1 keys). ggml soft_max: max, exp(x − max), 1/sum.
extern "C" __global__ void softmax_rows(float* x, int row_stride, int n, const int* length, int rows_per_len,
                                        float scale) {
    __shared__ float scratch[32];
    int r = blockIdx.x;
    if (length) n = length[0] + 1 + r / rows_per_len;
    float* xr = x + (i64) r * row_stride;
    float mx = NEG_INF;
    for (int i = threadIdx.x; i < n; i += blockDim.x) mx = fmaxf(mx, xr[i] * scale);
    mx = block_max(mx, scratch);
    float sum = 0.0f;
    for (int i = threadIdx.x; i < n; i += blockDim.x) {
        float e = expf(xr[i] * scale - mx);
        xr[i] = e;
        sum += e;
    }
    sum = block_sum(sum, scratch);
    float inv = 1.0f / sum;
    for (int i = threadIdx.x; i < n; i += blockDim.x) xr[i] *= inv;
}

// out[i] = silu(gate[i]) · up[i]  (ggml swiglu: x / (1 + exp(−x)) · up)
extern "C" __global__ void silu_mul(const float* gate, const float* up, float* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float g = gate[i];
        out[i] = g / (1.0f + expf(-g)) * up[i];
    }
}

// x[i] += y[i]
extern "C" __global__ void add_inplace(float* x, const float* y, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] += y[i];
}

// Rotates adjacent pairs of `dims` values at x + t·token_stride + h·head_stride + offset for token t = blockIdx.x,
// head h = blockIdx.y, by the YaRN angle of position pos[0] + t (thread i: pair i).
extern "C" __global__ void rope_yarn(float* x, int token_stride, int head_stride, int offset, int dims,
                                     const int* pos, float theta_scale, float freq_scale, float ext_factor,
                                     float corr_low, float corr_high, float mscale) {
    int i = threadIdx.x;
    if (i >= dims / 2) return;
    float c, s;
    yarn_cos_sin(pos[0] + blockIdx.x, i, theta_scale, freq_scale, ext_factor, corr_low, corr_high, mscale, &c, &s);
    float* p = x + (i64) blockIdx.x * token_stride + blockIdx.y * head_stride + offset + 2 * i;
    float x0 = p[0], x1 = p[1];
    p[0] = x0 * c - x1 * s;
    p[1] = x0 * s + x1 * c;
}

// The same rotation with host-computed tables (Kernels.rope): cos[i], sin[i] for pair i of one vector.
extern "C" __global__ void rope_table(float* x, int dims, const float* cos_t, const float* sin_t) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= dims / 2) return;
    float c = cos_t[i], s = sin_t[i];
    float x0 = x[2 * i], x1 = x[2 * i + 1];
    x[2 * i] = x0 * c - x1 * s;
    x[2 * i + 1] = x0 * s + x1 * c;
}

// out[i] = half(x[i]): fp16 (bf16 == 0) or bf16, ggml's activation rounding before an F16/BF16 product
extern "C" __global__ void f32_to_half(const float* x, u16* out, i64 n, int bf16) {
    i64 i = (i64) blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = bf16 ? f32_to_bf16(x[i]) : f32_to_f16(x[i]);
}

// dst[k][0 … n) = src[k][0 … n) with row strides (q_pe into the 576-wide attention query, head outputs, …)
extern "C" __global__ void copy_rows(const float* src, int src_stride, float* dst, int dst_stride, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) dst[(i64) blockIdx.y * dst_stride + i] = src[(i64) blockIdx.y * src_stride + i];
}

// Kernels.attentionScores: out[s] = q · keys[s · stride …+dim], one warp per s; grid ceil(length / 8), block (32, 8)
extern "C" __global__ void dot_rows(const float* __restrict__ q, const float* __restrict__ keys, int stride, int dim,
                                    int length, float* __restrict__ out) {
    int s = blockIdx.x * blockDim.y + threadIdx.y;
    if (s >= length) return;
    const float* k = keys + (i64) s * stride;
    float acc = 0.0f;
    for (int i = threadIdx.x; i < dim; i += WARP) acc += q[i] * k[i];
    acc = warp_sum(acc);
    if (threadIdx.x == 0) out[s] = acc;
}

// Kernels.attentionMix: out[i] = Σ_s p[s] · values[s · stride + i], one thread per i; grid ceil(dim / blockDim.x)
extern "C" __global__ void mix_rows(const float* __restrict__ p, const float* __restrict__ values, int stride, int dim,
                                    int length, float* __restrict__ out) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= dim) return;
    float acc = 0.0f;
    for (int s = 0; s < length; s++) acc += p[s] * values[(i64) s * stride + i];
    out[i] = acc;
}
