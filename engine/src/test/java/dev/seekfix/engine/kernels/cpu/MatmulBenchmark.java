package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.tensor.Quantizer;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Times {@link CpuKernels#matmul} at DeepSeek-Coder-V2-Lite's projection shapes, for decode (1 token) and prefill
 * (a batch), and reports weight bytes read per second next to a plain streaming-read baseline measured in the
 * same run: the machine is shared, so only the ratio to the baseline compares across runs.
 * Weights live off-heap like a mapped model file, in enough copies (&gt; 4× the 32 MiB L3) that every product
 * reads them from memory, as a decode step does. Usage:
 * {@code MatmulBenchmark [threads=2] [types=Q8_0,Q4_K,...] [shapes=q,kv_a,...] [batch=64] [seconds=1.5]}.
 */
public final class MatmulBenchmark {

    /** Coder-V2-Lite projections as rows (outputs) × cols (inputs). */
    record Shape(String name, int rows, int cols) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("attn_q", 3072, 2048),
            new Shape("kv_a", 576, 2048),
            new Shape("attn_out", 2048, 2048),
            new Shape("exp_up", 1408, 2048),
            new Shape("exp_down", 2048, 1408),
            new Shape("dense_up", 10944, 2048),
            new Shape("dense_down", 2048, 10944),
            new Shape("output", 102400, 2048));

    private static final long COLD_BYTES = 160L << 20;

    public static void main(String[] args) throws Exception {
        int threads = 2;
        List<GgmlType> types = List.of(GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q5_0, GgmlType.Q4_K, GgmlType.Q6_K,
                GgmlType.F16, GgmlType.BF16, GgmlType.F32);
        List<String> shapes = SHAPES.stream().map(Shape::name).toList();
        int batch = 64;
        double seconds = 1.5;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "threads" -> threads = Integer.parseInt(kv[1]);
                case "types" -> types = Arrays.stream(kv[1].split(",")).map(GgmlType::valueOf).toList();
                case "shapes" -> shapes = List.of(kv[1].split(","));
                case "batch" -> batch = Integer.parseInt(kv[1]);
                case "seconds" -> seconds = Double.parseDouble(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + a
                        + "; expected threads=, types=, shapes=, batch=, seconds=");
            }
        }
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
        try (Arena arena = Arena.ofShared(); CpuKernels cpu = new CpuKernels(threads)) {
            MemorySegment big = arena.allocate(COLD_BYTES, 64);
            big.fill((byte) 1);
            System.out.printf("streaming read baseline: 1 thread %.1f GB/s, %d threads %.1f GB/s%n",
                    readBandwidth(big, 1), threads, readBandwidth(big, threads));
            System.out.printf("%-6s %-10s %9s %9s %8s | %9s %8s %8s%n", "type", "shape", "MB", "decode ms", "GB/s",
                    "b" + batch + " ms", "GB/s", "tok/s·M");
            for (GgmlType type : types) {
                warmUp(cpu, type, batch);
                for (Shape shape : SHAPES) {
                    if (!shapes.contains(shape.name) || shape.cols % type.blockSize() != 0) continue;
                    try (Arena weights = Arena.ofShared()) {
                        run(cpu, weights, type, shape, batch, seconds);
                    }
                }
            }
            System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    private static void run(Kernels k, Arena arena, GgmlType type, Shape shape, int batch, double seconds) {
        List<WeightMatrix> copies = weights(arena, type, shape);
        long bytes = copies.getFirst().data().byteSize();
        Random rnd = new Random(1);
        float[] x = new float[batch * shape.cols];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
        float[] out = new float[batch * shape.rows];
        double decode = time(k, copies, x, 1, out, seconds);
        // prompts need logits of their last token only: the output projection never runs batched
        double prefill = shape.name.equals("output") ? Double.NaN : time(k, copies, x, batch, out, seconds);
        System.out.printf("%-6s %-10s %9.1f %9.3f %8.1f | %9.2f %8.1f %8.1f%n", type, shape.name, bytes / 1e6,
                decode * 1e3, bytes / decode / 1e9, prefill * 1e3, bytes / prefill / 1e9,
                batch / prefill * shape.rows / 1e6 * shape.cols / 1e3);
    }

    /**
     * C2 takes seconds to compile the large kernel methods on a busy machine, and until it does they run interpreted
     * (C1 gives up on them): run both paths of the type on a small matrix until they are fast.
     */
    private static void warmUp(Kernels k, GgmlType type, int batch) {
        try (Arena arena = Arena.ofShared()) {
            Shape small = new Shape("warm-up", 256, 2048);
            List<WeightMatrix> one = weights(arena, type, small).subList(0, 1);
            float[] x = new float[batch * small.cols], out = new float[batch * small.rows];
            Arrays.fill(x, 0.5f);
            long deadline = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < deadline) {
                k.matmul(one.getFirst(), x, 1, out);
                k.matmul(one.getFirst(), x, Math.min(batch, 8), out);
            }
        }
    }

    /** Seconds per matmul: the median of rounds, after a warm-up, cycling through the copies. */
    private static double time(Kernels k, List<WeightMatrix> copies, float[] x, int tokens, float[] out, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 0.3e9);
        int i = 0;
        while (System.nanoTime() < deadline || i < 3) k.matmul(copies.get(i++ % copies.size()), x, tokens, out);
        List<Double> rounds = new ArrayList<>();
        deadline = System.nanoTime() + (long) (seconds * 0.7e9);
        while (System.nanoTime() < deadline || rounds.size() < 3) {
            long t0 = System.nanoTime();
            k.matmul(copies.get(i++ % copies.size()), x, tokens, out);
            rounds.add((System.nanoTime() - t0) / 1e9);
        }
        rounds.sort(null);
        return rounds.get(rounds.size() / 2);
    }

    /** Enough copies of one random matrix that cycling through them never hits the cache. */
    private static List<WeightMatrix> weights(Arena arena, GgmlType type, Shape shape) {
        int sampleRows = 16;
        Random rnd = new Random(type.id());
        float[] sample = new float[sampleRows * shape.cols];
        for (int i = 0; i < sample.length; i++) sample[i] = (float) rnd.nextGaussian() * 0.05f;
        MemorySegment block = MemorySegment.ofArray(Quantizer.quantize(type, sample));
        long bytes = type.rowBytes(shape.cols) * shape.rows;
        int count = (int) Math.max(1, Math.min(64, (COLD_BYTES + bytes - 1) / bytes));
        List<WeightMatrix> copies = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            MemorySegment data = arena.allocate(bytes, 64);
            for (long at = 0; at < bytes; at += block.byteSize()) {
                MemorySegment.copy(block, 0, data, at, Math.min(block.byteSize(), bytes - at));
            }
            copies.add(new WeightMatrix(shape.name + "#" + c, type, data, shape.rows, shape.cols));
        }
        return copies;
    }

    /** GB/s of a vectorised sum over {@code s} split across {@code threads} threads (best of 12). */
    static double readBandwidth(MemorySegment s, int threads) throws InterruptedException {
        double best = 0;
        for (int round = 0; round < 12; round++) {
            long chunk = s.byteSize() / threads;
            long[] sink = new long[threads];
            Thread[] ts = new Thread[threads];
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int id = t;
                ts[t] = new Thread(() -> sink[id] = sum(s, id * chunk, chunk));
                ts[t].start();
            }
            for (Thread t : ts) t.join();
            double secs = (System.nanoTime() - t0) / 1e9;
            if (Arrays.stream(sink).sum() == 42) System.out.print("");
            best = Math.max(best, s.byteSize() / secs / 1e9);
        }
        return best;
    }

    private static long sum(MemorySegment s, long from, long bytes) {
        LongVector a = LongVector.zero(LongVector.SPECIES_256), b = a;
        for (long at = from; at < from + bytes; at += 64) {
            a = a.add(LongVector.fromMemorySegment(LongVector.SPECIES_256, s, at, ByteOrder.LITTLE_ENDIAN));
            b = b.add(LongVector.fromMemorySegment(LongVector.SPECIES_256, s, at + 32, ByteOrder.LITTLE_ENDIAN));
        }
        return a.add(b).reduceLanes(VectorOperators.ADD);
    }
}
