// Host stand-in for cuda/prelude.cuh: lets g++ compile the block math of matvec.cu and dequant.cu so a build-time
// test can compare it with the Java dequantizers on machines without a GPU. Kernel bodies compile but never run here.
#include <cstdint>
#include <cstring>
#include <cmath>
typedef unsigned char u8;
typedef signed char i8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef long long i64;
#define WARP 32
#define __device__
#define __global__
#define __forceinline__ inline
#define __launch_bounds__(x)
struct HostDim3 { unsigned x, y, z; };
static HostDim3 threadIdx, blockIdx, blockDim, gridDim;
static inline float __uint_as_float(u32 u) { float f; std::memcpy(&f, &u, 4); return f; }
static inline u32 __float_as_uint(float f) { u32 u; std::memcpy(&u, &f, 4); return u; }
static inline float __int_as_float(u32 u) { return __uint_as_float(u); }
#define NEG_INF __int_as_float(0xff800000u)
static inline float f16_to_f32(u16 h) {
    u32 sign = (h & 0x8000u) << 16, exp = (h >> 10) & 0x1f, man = h & 0x3ffu;
    if (exp == 0x1f) return __uint_as_float(sign | 0x7f800000u | (man << 13));
    if (exp == 0) {
        if (man == 0) return __uint_as_float(sign);
        float v = std::ldexp((float) man, -24);
        return sign ? -v : v;
    }
    return __uint_as_float(sign | ((exp + 112) << 23) | (man << 13));
}
static inline u16 f32_to_f16(float) { return 0; }  // not used by the block math under test
static inline float bf16_to_f32(u16 h) { return __uint_as_float(((u32) h) << 16); }
static inline u16 f32_to_bf16(float) { return 0; }
static inline u16 load_u16(const u8* p) { return (u16) (p[0] | (p[1] << 8)); }
static inline u32 load_u32(const u8* p) { return (u32) p[0] | ((u32) p[1] << 8) | ((u32) p[2] << 16) | ((u32) p[3] << 24); }
static inline float warp_sum(float v) { return v; }
