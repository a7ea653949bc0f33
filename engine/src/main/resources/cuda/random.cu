// Random weights generated on the device for benchmarks with full model shapes (a Coder-V2-Lite-sized file would
// take tens of gigabytes to write and carry). Values are hashes of (seed, index), so a run is reproducible; quantized
// blocks get random quants and a fixed small scale so every dequantized value is finite.

__device__ __forceinline__ u32 mix32(u32 x) {
    // lowbias32 (Chris Wellons' hash prospector)
    x ^= x >> 16; x *= 0x7feb352du; x ^= x >> 15; x *= 0x846ca68bu; x ^= x >> 16;
    return x;
}

__device__ __forceinline__ float uniform(u32 seed, i64 i) {
    return mix32(seed ^ mix32((u32) i ^ mix32((u32) (i >> 32)))) * (1.0f / 4294967296.0f);
}

// random bytes (quants): dst[i] for i < n
extern "C" __global__ void fill_random_bytes(u8* dst, i64 n, u32 seed) {
    for (i64 i = (i64) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (i64) gridDim.x * blockDim.x)
        dst[i] = (u8) (mix32(seed ^ mix32((u32) i ^ mix32((u32) (i >> 32)))) & 0xff);
}

// every block of block_bytes gets the fp16 `bits` at each of up to two scale offsets (d, dmin); -1 = none
extern "C" __global__ void set_block_scales(u8* dst, i64 blocks, int block_bytes, int offset0, int offset1, int bits) {
    for (i64 b = (i64) blockIdx.x * blockDim.x + threadIdx.x; b < blocks; b += (i64) gridDim.x * blockDim.x) {
        u8* p = dst + b * block_bytes;
        if (offset0 >= 0) { p[offset0] = (u8) (bits & 0xff); p[offset0 + 1] = (u8) (bits >> 8); }
        if (offset1 >= 0) { p[offset1] = (u8) (bits & 0xff); p[offset1 + 1] = (u8) (bits >> 8); }
    }
}

// uniform values in [lo, hi) as f32 (kind 0), f16 (1) or bf16 (2)
extern "C" __global__ void fill_random_floats(u8* dst, i64 n, u32 seed, float lo, float hi, int kind) {
    for (i64 i = (i64) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (i64) gridDim.x * blockDim.x) {
        float v = lo + (hi - lo) * uniform(seed, i);
        if (kind == 0) ((float*) dst)[i] = v;
        else if (kind == 1) ((u16*) dst)[i] = f32_to_f16(v);
        else ((u16*) dst)[i] = f32_to_bf16(v);
    }
}
