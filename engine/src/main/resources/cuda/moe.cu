// Mixture-of-experts routing and combination on the device (ENGINE.md step 7, model.deepseek2.MoeRouter):
// softmax over the router logits, optional group-limited selection (a group scores its largest probability, as
// DeepSeek-V2's group_limited_greedy), greedy top-k with the lower expert id winning ties, weights = probabilities
// (renormalised only if asked) times the scale. The expert products themselves are matvec_* launches whose ids are
// the selected experts, so only those experts' weights are read (llama.cpp ggml-cuda mmvq with ids).

#define MOE_MAX_EXPERTS 256
#define MOE_PER_LANE (MOE_MAX_EXPERTS / WARP)

// One warp per token t = blockIdx.x. logits [tokens][experts] → ids, weights [tokens][k].
extern "C" __global__ void __launch_bounds__(WARP)
moe_route(const float* __restrict__ logits, int experts, int k, int groups, int groups_used, int normalize,
          float scale, int* __restrict__ ids, float* __restrict__ weights) {
    __shared__ float prob[MOE_MAX_EXPERTS];
    __shared__ unsigned char blocked[MOE_MAX_EXPERTS];
    int lane = threadIdx.x, t = blockIdx.x;
    const float* l = logits + (i64) t * experts;
    float mx = NEG_INF;
    for (int e = lane; e < experts; e += WARP) mx = fmaxf(mx, l[e]);
    mx = warp_max(mx);
    float sum = 0.0f;
    for (int e = lane; e < experts; e += WARP) {
        float v = expf(l[e] - mx);
        prob[e] = v;
        sum += v;
    }
    sum = warp_sum(sum);
    float inv = 1.0f / sum;
    for (int e = lane; e < experts; e += WARP) {
        prob[e] *= inv;
        blocked[e] = 0;
    }
    __syncwarp();
    if (groups > 1 && lane == 0) {
        // rare path (DeepSeek-V2 236B: 8 groups, keep 3): serial on one lane
        int per = experts / groups;
        float best[32];
        unsigned kept = 0;
        for (int g = 0; g < groups; g++) {
            best[g] = NEG_INF;
            for (int e = g * per; e < (g + 1) * per; e++) best[g] = fmaxf(best[g], prob[e]);
        }
        for (int i = 0; i < groups_used; i++) {
            int b = -1;
            for (int g = 0; g < groups; g++)
                if (!(kept >> g & 1u) && (b < 0 || best[g] > best[b])) b = g;
            kept |= 1u << b;
        }
        for (int e = 0; e < experts; e++) blocked[e] = !(kept >> (e / per) & 1u);
    }
    __syncwarp();
    float total = 0.0f;
    for (int i = 0; i < k; i++) {
        float bv = NEG_INF;
        int be = 0x7fffffff;
        for (int e = lane; e < experts; e += WARP) {
            if (!blocked[e] && prob[e] > bv) { bv = prob[e]; be = e; }
        }
#pragma unroll
        for (int o = WARP / 2; o > 0; o >>= 1) {
            float ov = __shfl_xor_sync(0xffffffffu, bv, o);
            int oe = __shfl_xor_sync(0xffffffffu, be, o);
            if (ov > bv || (ov == bv && oe < be)) { bv = ov; be = oe; }
        }
        if (lane == 0) {
            ids[t * k + i] = be;
            weights[t * k + i] = bv;
            blocked[be] = 1;
        }
        total += bv;
        __syncwarp();
    }
    if (lane == 0) {
        for (int i = 0; i < k; i++) {
            float w = weights[t * k + i];
            if (normalize) w /= total;
            if (scale != 0.0f && scale != 1.0f) w *= scale;
            weights[t * k + i] = w;
        }
    }
}

// x[t] += Σ_s weights[t][s] · slots[t][s] (+ shared[t]), summed in selection order like FeedForward.moe.
// grid (ceil(hidden / blockDim.x), tokens)
extern "C" __global__ void moe_combine(const float* __restrict__ slots, const float* __restrict__ weights, int k,
                                       int hidden, const float* __restrict__ shared, float* __restrict__ x) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= hidden) return;
    int t = blockIdx.y;
    const float* st = slots + (i64) t * k * hidden;
    float acc = st[i] * weights[t * k];
    for (int s = 1; s < k; s++) acc += st[(i64) s * hidden + i] * weights[t * k + s];
    if (shared) acc += shared[(i64) t * hidden + i];
    x[(i64) t * hidden + i] += acc;
}

// Prefill grouping (tokens sorted by expert on the host): out[j] = x[rows[j]]. grid (ceil(cols / blockDim.x), n)
extern "C" __global__ void gather_tokens(const float* __restrict__ x, int cols, const int* __restrict__ rows,
                                         float* __restrict__ out) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < cols) out[(i64) blockIdx.y * cols + i] = x[(i64) rows[blockIdx.y] * cols + i];
}

// out[rows[j]] = y[j] (each row written once per launch). grid (ceil(cols / blockDim.x), n)
extern "C" __global__ void scatter_tokens(const float* __restrict__ y, int cols, const int* __restrict__ rows,
                                          float* __restrict__ out) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < cols) out[(i64) rows[blockIdx.y] * cols + i] = y[(i64) blockIdx.y * cols + i];
}
