// Multi-head latent attention in its absorbed form over the 576-wide latent cache (ENGINE.md step 6; llama.cpp
// src/models/deepseek2.cpp with MLA). Per layer the cache holds, per position, [c_norm (r) | k_pe roped (dr)].
// Queries arrive absorbed: q[t][h] = [W_UK_hᵀ q_nope (r) | q_pe roped (dr)], so a score is one width-long dot.
// Positions come from device memory (start[0]) so one captured decode graph serves every step.

#define ATT_WARPS 8       // key positions per block in mla_scores (one warp each)
#define ATT_HEADS 16      // heads per block (registers per lane)
#define MIX_THREADS 128   // latent dims per block in mla_mix_partial
#define MIX_SPLIT 256     // key positions per partial sum

// cache[start + t] = [rmsnorm(kv[t][0:r]) · norm_w | rope(kv[t][r:r+dr])], one block per token t
extern "C" __global__ void mla_store(const float* __restrict__ kv, const float* __restrict__ norm_w,
                                     float* __restrict__ cache, const int* __restrict__ start, int r, int dr,
                                     float eps, float theta_scale, float freq_scale, float ext_factor,
                                     float corr_low, float corr_high, float mscale) {
    __shared__ float scratch[32];
    int t = blockIdx.x, width = r + dr, pos = start[0] + t;
    const float* src = kv + (i64) t * width;
    float* dst = cache + (i64) pos * width;
    float ss = 0.0f;
    for (int i = threadIdx.x; i < r; i += blockDim.x) ss += src[i] * src[i];
    ss = block_sum(ss, scratch);
    float scale = rsqrtf(ss / r + eps);
    for (int i = threadIdx.x; i < r; i += blockDim.x) dst[i] = (src[i] * scale) * norm_w[i];
    for (int i = threadIdx.x; i < dr / 2; i += blockDim.x) {
        float c, s;
        yarn_cos_sin(pos, i, theta_scale, freq_scale, ext_factor, corr_low, corr_high, mscale, &c, &s);
        float x0 = src[r + 2 * i], x1 = src[r + 2 * i + 1];
        dst[r + 2 * i] = x0 * c - x1 * s;
        dst[r + 2 * i + 1] = x0 * s + x1 * c;
    }
}

// scores[t][h][s] = q[t][h] · cache[s] for s < start + t + 1 (unscaled; softmax_rows applies the scale).
// grid (ceil(capacity / ATT_WARPS), tokens, ceil(heads / ATT_HEADS)), block (32, ATT_WARPS),
// dynamic shared memory ATT_HEADS · width floats (the block's queries).
extern "C" __global__ void __launch_bounds__(WARP * ATT_WARPS)
mla_scores(const float* __restrict__ q, const float* __restrict__ cache, const int* __restrict__ start, int heads,
           int width, int capacity, float* __restrict__ scores) {
    extern __shared__ float qs[]; // [ATT_HEADS][width]
    int t = blockIdx.y, h0 = blockIdx.z * ATT_HEADS;
    int nh = imin(ATT_HEADS, heads - h0);
    int tid = threadIdx.y * WARP + threadIdx.x;
    const float* qt = q + ((i64) t * heads + h0) * width;
    for (int i = tid; i < nh * width; i += WARP * ATT_WARPS) qs[i] = qt[i];
    __syncthreads();
    int s = blockIdx.x * ATT_WARPS + threadIdx.y;
    int length = start[0] + t + 1;
    if (s >= length) return;
    const float* key = cache + (i64) s * width;
    float acc[ATT_HEADS];
#pragma unroll
    for (int h = 0; h < ATT_HEADS; h++) acc[h] = 0.0f;
    for (int i = threadIdx.x; i < width; i += WARP) {
        float kv = key[i];
#pragma unroll
        for (int h = 0; h < ATT_HEADS; h++) if (h < nh) acc[h] += qs[h * width + i] * kv;
    }
#pragma unroll
    for (int h = 0; h < ATT_HEADS; h++) {
        float v = warp_sum(acc[h]);
        if (threadIdx.x == 0 && h < nh) scores[((i64) t * heads + h0 + h) * capacity + s] = v;
    }
}

// partial[t][split][h][i] = Σ_{s in split, s < length} p[t][h][s] · cache[s][i] for i < r.
// grid (ceil(r / MIX_THREADS) · ceil(heads / ATT_HEADS), ceil(capacity / MIX_SPLIT), tokens), block MIX_THREADS.
extern "C" __global__ void __launch_bounds__(MIX_THREADS)
mla_mix_partial(const float* __restrict__ p, const float* __restrict__ cache, const int* __restrict__ start,
                int heads, int r, int width, int capacity, float* __restrict__ partial) {
    int dimBlocks = (r + MIX_THREADS - 1) / MIX_THREADS;
    int i = (blockIdx.x % dimBlocks) * MIX_THREADS + threadIdx.x;
    int h0 = (blockIdx.x / dimBlocks) * ATT_HEADS;
    int nh = imin(ATT_HEADS, heads - h0);
    int split = blockIdx.y, splits = gridDim.y, t = blockIdx.z;
    int length = start[0] + t + 1;
    int from = split * MIX_SPLIT, to = imin(length, from + MIX_SPLIT);
    if (i >= r) return;
    float acc[ATT_HEADS];
#pragma unroll
    for (int h = 0; h < ATT_HEADS; h++) acc[h] = 0.0f;
    const float* pt = p + ((i64) t * heads + h0) * capacity;
    for (int s = from; s < to; s++) {
        float c = cache[(i64) s * width + i];
#pragma unroll
        for (int h = 0; h < ATT_HEADS; h++) if (h < nh) acc[h] += pt[(i64) h * capacity + s] * c;
    }
    float* out = partial + (((i64) t * splits + split) * heads + h0) * r + i;
#pragma unroll
    for (int h = 0; h < ATT_HEADS; h++) if (h < nh) out[(i64) h * r] = acc[h];
}

// out[t][h][i] = Σ_split partial[t][split][h][i] over the splits that hold positions < length.
// grid (ceil(heads · r / blockDim.x), tokens)
extern "C" __global__ void mla_mix_reduce(const float* __restrict__ partial, int splits, int heads, int r,
                                          const int* __restrict__ start, float* __restrict__ out) {
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j >= heads * r) return;
    int t = blockIdx.y;
    int used = (start[0] + t + 1 + MIX_SPLIT - 1) / MIX_SPLIT;
    const float* pt = partial + (i64) t * splits * heads * r + j;
    float acc = 0.0f;
    for (int s = 0; s < used; s++) acc += pt[(i64) s * heads * r];
    out[(i64) t * heads * r + j] = acc;
}
