// Build-time host harness (KernelBlockMathOnHostTest): shim.h + matvec.cu + dequant.cu + this file.
// Usage: harness TYPE ROWS COLS weights.bin x.bin out.bin
// out.bin: [rows][cols] float elements from elem_<type>, then [rows] float dots summed part by part with part_dot<T>.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

template <class T> static float row_dot(const u8* row, const float* x, int cols) {
    float sum = 0;
    int parts = (cols / T::QK) * T::PARTS;
    for (int p = 0; p < parts; p++) {
        int b = p / T::PARTS;
        sum += part_dot<T>(row + (i64) b * T::BYTES, p % T::PARTS, x + b * T::QK);
    }
    return sum;
}

static std::vector<char> slurp(const char* path) {
    FILE* f = std::fopen(path, "rb");
    if (!f) { std::perror(path); std::exit(2); }
    std::vector<char> v;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) v.insert(v.end(), buf, buf + n);
    std::fclose(f);
    return v;
}

int main(int argc, char** argv) {
    if (argc != 7) { std::fprintf(stderr, "usage: harness TYPE ROWS COLS w x out\n"); return 2; }
    std::string type = argv[1];
    int rows = std::atoi(argv[2]), cols = std::atoi(argv[3]);
    std::vector<char> w = slurp(argv[4]), xs = slurp(argv[5]);
    const u8* wb = (const u8*) w.data();
    const float* x = (const float*) xs.data();
    i64 rowBytes = (i64) w.size() / rows;
    std::vector<float> out((size_t) rows * cols + rows);
    for (int r = 0; r < rows; r++) {
        const u8* row = wb + r * rowBytes;
        float* e = out.data() + (size_t) r * cols;
        float* d = out.data() + (size_t) rows * cols + r;
        if (type == "F32") { for (int i = 0; i < cols; i++) e[i] = elem_f32(row, i); *d = row_dot<TypeF32>(row, x, cols); }
        else if (type == "F16") { for (int i = 0; i < cols; i++) e[i] = elem_f16(row, i); *d = row_dot<TypeF16>(row, x, cols); }
        else if (type == "BF16") { for (int i = 0; i < cols; i++) e[i] = elem_bf16(row, i); *d = row_dot<TypeBF16>(row, x, cols); }
        else if (type == "Q8_0") { for (int i = 0; i < cols; i++) e[i] = elem_q8_0(row, i); *d = row_dot<TypeQ8_0>(row, x, cols); }
        else if (type == "Q5_0") { for (int i = 0; i < cols; i++) e[i] = elem_q5_0(row, i); *d = row_dot<TypeQ5_0>(row, x, cols); }
        else if (type == "Q4_K") { for (int i = 0; i < cols; i++) e[i] = elem_q4_k(row, i); *d = row_dot<TypeQ4_K>(row, x, cols); }
        else if (type == "Q6_K") { for (int i = 0; i < cols; i++) e[i] = elem_q6_k(row, i); *d = row_dot<TypeQ6_K>(row, x, cols); }
        else { std::fprintf(stderr, "unknown type %s\n", type.c_str()); return 2; }
    }
    FILE* f = std::fopen(argv[6], "wb");
    std::fwrite(out.data(), sizeof(float), out.size(), f);
    std::fclose(f);
    return 0;
}
