// seekfix CUDA prelude: prepended to every kernel source by KernelSource before NVRTC (or nvcc) compiles it.
// No system headers, so NVRTC needs no include path: half/bfloat16 conversions are written out with PTX or bits.
// Block layouts follow ggml-common.h (ENGINE.md "Quantization blocks").

typedef unsigned char u8;
typedef signed char i8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef long long i64;

#define WARP 32
#define NEG_INF __int_as_float(0xff800000)

__device__ __forceinline__ float f16_to_f32(u16 h) {
    float f;
    asm("{ .reg .b16 t; mov.b16 t, %1; cvt.f32.f16 %0, t; }" : "=f"(f) : "h"(h));
    return f;
}

__device__ __forceinline__ u16 f32_to_f16(float f) {
    u16 h;
    asm("{ .reg .b16 t; cvt.rn.f16.f32 t, %1; mov.b16 %0, t; }" : "=h"(h) : "f"(f));
    return h;
}

__device__ __forceinline__ float bf16_to_f32(u16 h) {
    return __uint_as_float(((u32) h) << 16);
}

// round to nearest even, NaN stays NaN (ggml_compute_fp32_to_bf16)
__device__ __forceinline__ u16 f32_to_bf16(float f) {
    u32 u = __float_as_uint(f);
    if ((u & 0x7fffffffu) > 0x7f800000u) return (u16) ((u >> 16) | 64);
    return (u16) ((u + (0x7fffu + ((u >> 16) & 1u))) >> 16);
}

// integer min without relying on the CUDA headers' overloads (NVRTC compiles these sources with no includes)
__device__ __forceinline__ int imin(int a, int b) { return a < b ? a : b; }

__device__ __forceinline__ u16 load_u16(const u8* p) {
    return (u16) (p[0] | (p[1] << 8));
}

__device__ __forceinline__ u32 load_u32(const u8* p) {
    return (u32) p[0] | ((u32) p[1] << 8) | ((u32) p[2] << 16) | ((u32) p[3] << 24);
}

__device__ __forceinline__ float warp_sum(float v) {
#pragma unroll
    for (int o = WARP / 2; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
    return v;
}

__device__ __forceinline__ float warp_max(float v) {
#pragma unroll
    for (int o = WARP / 2; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, o));
    return v;
}

// Sum over a block of up to 1024 threads (blockDim.x a multiple of 32); every thread gets the result.
__device__ __forceinline__ float block_sum(float v, float* scratch /* [32] shared */) {
    int lane = threadIdx.x % WARP, warp = threadIdx.x / WARP, warps = (blockDim.x + WARP - 1) / WARP;
    v = warp_sum(v);
    __syncthreads();
    if (lane == 0) scratch[warp] = v;
    __syncthreads();
    v = lane < warps ? scratch[lane] : 0.0f;
    return warp_sum(v);
}

__device__ __forceinline__ float block_max(float v, float* scratch /* [32] shared */) {
    int lane = threadIdx.x % WARP, warp = threadIdx.x / WARP, warps = (blockDim.x + WARP - 1) / WARP;
    v = warp_max(v);
    __syncthreads();
    if (lane == 0) scratch[warp] = v;
    __syncthreads();
    v = lane < warps ? scratch[lane] : NEG_INF;
    return warp_max(v);
}

// YaRN rotary angle of pair i at position pos, as ggml's rope_yarn / ggml_rope_cache_init compute it (the angle
// base^(-2i/dims) by repeated float multiplication, like YarnRope.angles on the host).
__device__ __forceinline__ void yarn_cos_sin(int pos, int i, float theta_scale, float freq_scale, float ext_factor,
                                             float corr_low, float corr_high, float mscale, float* c, float* s) {
    float theta_extrap = (float) pos;
    for (int k = 0; k < i; k++) theta_extrap *= theta_scale;
    float theta_interp = freq_scale * theta_extrap;
    float theta = theta_interp;
    if (ext_factor != 0.0f) {
        float y = (i - corr_low) / fmaxf(0.001f, corr_high - corr_low);
        float ramp_mix = (1.0f - fminf(1.0f, fmaxf(0.0f, y))) * ext_factor;
        theta = theta_interp * (1.0f - ramp_mix) + theta_extrap * ramp_mix;
    }
    *c = cosf(theta) * mscale;
    *s = sinf(theta) * mscale;
}
