package dev.seekfix.engine.kernels.cuda.model;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.kernels.cuda.device.CudaContext;
import dev.seekfix.engine.kernels.cuda.device.DeviceBuffer;
import dev.seekfix.engine.kernels.cuda.device.DeviceMatrix;
import dev.seekfix.engine.kernels.cuda.device.HostConversion;
import dev.seekfix.engine.kernels.cuda.device.KernelArgs;
import dev.seekfix.engine.kernels.cuda.plan.Kernel;
import dev.seekfix.engine.kernels.cuda.plan.LaunchGeometry;
import dev.seekfix.engine.kernels.cuda.plan.WeightUploadPlan;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;
import dev.seekfix.engine.tensor.Dequantizer;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.tensor.HalfFloats;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * All weights of one model in a single device allocation laid out by a {@link WeightUploadPlan}, uploaded once
 * (quantized types stay quantized) or, for benchmarks, generated on the device.
 */
public final class DeviceWeights implements AutoCloseable {

    /** Where a tensor's bytes come from: a view of the file (or of derived host memory), or the device's generator. */
    sealed interface Content {
        record Host(MemorySegment data) implements Content {
        }

        record Random(int seed) implements Content {
        }
    }

    private record Source(ModelTensors.Shape shape, GgmlType type, Content content) {
    }

    private final WeightUploadPlan plan;
    private final Map<String, WeightUploadPlan.Entry> entries;
    private final Map<String, ModelTensors.Shape> shapes;
    private final DeviceBuffer buffer;

    private DeviceWeights(CudaContext ctx, List<Source> sources) {
        List<WeightUploadPlan.TensorSpec> specs = sources.stream().map(s -> new WeightUploadPlan.TensorSpec(s.shape().name(),
                s.type(), s.shape().cols(), s.shape().vector() ? 1 : s.shape().totalRows())).toList();
        this.plan = WeightUploadPlan.of(specs);
        this.entries = plan.byName();
        this.shapes = new java.util.HashMap<>();
        for (Source s : sources) shapes.put(s.shape().name(), s.shape());
        this.buffer = ctx.allocate(plan.totalBytes(), "model weights (" + sources.size() + " tensors)");
        try {
            for (Source s : sources) fill(ctx, s, entries.get(s.shape().name()));
            ctx.synchronize();
        } catch (RuntimeException e) {
            buffer.close();
            throw e;
        }
    }

    /** Every weight of a GGUF file; 2024 files ({@code attn_kv_b}) get their absorbed matrices derived on the host. */
    public static DeviceWeights upload(CudaContext ctx, GgufFile file, DeepSeek2Config c, Arena derived) {
        List<Source> sources = new ArrayList<>();
        for (ModelTensors.Shape s : ModelTensors.of(c)) {
            boolean legacyKb = !c.mlaLayout() && s.name().endsWith(".attn_k_b.weight");
            boolean legacyVb = !c.mlaLayout() && s.name().endsWith(".attn_v_b.weight");
            if (legacyKb || legacyVb) {
                String kvb = s.name().replace(legacyKb ? "attn_k_b" : "attn_v_b", "attn_kv_b");
                GgufTensorInfo t = checked(file, kvb, c.kvLoraRank(), (long) c.heads() * (c.qkNopeDim() + c.vHeadDim()), 1);
                sources.add(legacyKb ? new Source(s, GgmlType.F32, new Content.Host(absorbKeys(file, t, c, derived)))
                        : new Source(s, t.type(), new Content.Host(valueRows(file, t, c, derived))));
                continue;
            }
            GgufTensorInfo t = checked(file, s.name(), s.cols(), s.rows(), s.count());
            sources.add(new Source(s, t.type(), new Content.Host(file.tensorData(s.name()))));
        }
        return new DeviceWeights(ctx, sources);
    }

    /** A model of config {@code c} with random weights of {@code type} (norms and routers F32), made on the device. */
    public static DeviceWeights random(CudaContext ctx, DeepSeek2Config c, GgmlType type, int seed) {
        List<Source> sources = new ArrayList<>();
        int i = 0;
        for (ModelTensors.Shape s : ModelTensors.of(c)) {
            boolean f32 = s.vector() || s.name().endsWith("ffn_gate_inp.weight");
            sources.add(new Source(s, f32 ? GgmlType.F32 : type, new Content.Random(seed + 7919 * i++)));
        }
        return new DeviceWeights(ctx, sources);
    }

    public WeightUploadPlan plan() { return plan; }

    /** A 2-D tensor, or a stack of {@code ne2} matrices. */
    public DeviceMatrix matrix(String name) {
        WeightUploadPlan.Entry e = entry(name);
        ModelTensors.Shape s = shapes.get(name);
        return new DeviceMatrix(name, e.deviceType(), buffer.address() + e.offset(), Math.toIntExact(s.rows()),
                Math.toIntExact(s.cols()), Math.max(1, s.count()));
    }

    /** Device address of a 1-D tensor's F32 values. */
    public long vector(String name) {
        return buffer.address() + entry(name).offset();
    }

    private WeightUploadPlan.Entry entry(String name) {
        WeightUploadPlan.Entry e = entries.get(name);
        if (e == null) throw new IllegalArgumentException("no tensor " + name + " among the uploaded weights");
        return e;
    }

    private static GgufTensorInfo checked(GgufFile file, String name, long cols, long rows, int count) {
        if (!file.hasTensor(name)) {
            throw new ModelFormatException(file.path().getFileName() + ": tensor " + name + " is missing; the file is not a "
                    + "complete deepseek2 model");
        }
        GgufTensorInfo t = file.tensor(name);
        long[] expected = count == 0 ? new long[]{cols} : count == 1 ? new long[]{cols, rows} : new long[]{cols, rows, count};
        if (!Arrays.equals(t.shape(), expected)) {
            throw new ModelFormatException("tensor " + name + " in " + file.path().getFileName() + ": expected shape "
                    + Arrays.toString(expected) + " (ne0 first), found " + Arrays.toString(t.shape()));
        }
        if (!t.type().computable()) {
            throw new ModelFormatException("tensor " + name + " in " + file.path().getFileName() + " has type "
                    + t.type().ggmlName() + ", which seekfix cannot compute with; use a Q4_K_M, Q8_0, BF16 or F16 file");
        }
        return t;
    }

    /** attn_kv_b's k rows of every head, transposed to F32 {@code [heads][kvLora][qkNope]} (the absorbed W_UK). */
    private static MemorySegment absorbKeys(GgufFile file, GgufTensorInfo kvb, DeepSeek2Config c, Arena arena) {
        int r = c.kvLoraRank(), dn = c.qkNopeDim(), dv = c.vHeadDim();
        MemorySegment src = file.tensorData(kvb.name());
        long rowBytes = kvb.type().rowBytes(r);
        MemorySegment dst = arena.allocate(4L * c.heads() * r * dn, 256);
        float[] row = new float[r];
        for (int h = 0; h < c.heads(); h++) {
            for (int i = 0; i < dn; i++) {
                Dequantizer.dequantize(kvb.type(), src, (long) (h * (dn + dv) + i) * rowBytes, row, 0, r);
                for (int j = 0; j < r; j++) {
                    dst.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, ((long) h * r + j) * dn + i, row[j]);
                }
            }
        }
        return dst;
    }

    /** attn_kv_b's v rows of every head, contiguous: {@code [heads][vHead][kvLora]} in the file's type. */
    private static MemorySegment valueRows(GgufFile file, GgufTensorInfo kvb, DeepSeek2Config c, Arena arena) {
        int r = c.kvLoraRank(), dn = c.qkNopeDim(), dv = c.vHeadDim();
        MemorySegment src = file.tensorData(kvb.name());
        long rowBytes = kvb.type().rowBytes(r);
        MemorySegment dst = arena.allocate(rowBytes * dv * c.heads(), 256);
        for (int h = 0; h < c.heads(); h++) {
            MemorySegment.copy(src, (long) (h * (dn + dv) + dn) * rowBytes, dst, (long) h * dv * rowBytes, dv * rowBytes);
        }
        return dst;
    }

    private void fill(CudaContext ctx, Source s, WeightUploadPlan.Entry e) {
        long at = buffer.address() + e.offset();
        switch (s.content()) {
            case Content.Host h when !e.converted() -> ctx.upload(h.data(), at);
            case Content.Host h -> {
                try (Arena arena = Arena.ofConfined()) {
                    ctx.upload(HostConversion.convert(e.fileType(), h.data(), e.rows(), Math.toIntExact(e.rowLength()),
                            e.deviceType(), arena), at);
                }
            }
            case Content.Random r -> random(ctx, s, e, at, r.seed());
        }
    }

    private static void random(CudaContext ctx, Source s, WeightUploadPlan.Entry e, long at, int seed) {
        LaunchGeometry grid = new LaunchGeometry(4096, 1, 1, 256, 1, 1, 0);
        float amplitude = s.shape().vector() ? 0 : (float) (Math.sqrt(3.0 / s.shape().cols()));
        GgmlType t = e.deviceType();
        switch (t) {
            case F32, F16, BF16 -> {
                float lo = s.shape().vector() ? 0.8f : -amplitude, hi = s.shape().vector() ? 1.2f : amplitude;
                int kind = t == GgmlType.F32 ? 0 : t == GgmlType.F16 ? 1 : 2;
                ctx.launch(Kernel.FILL_RANDOM_FLOATS, grid, new KernelArgs().ptr(at).i64(e.bytes() / (t == GgmlType.F32 ? 4 : 2))
                        .i32(seed).f32(lo).f32(hi).i32(kind));
            }
            case Q8_0, Q5_0, Q4_K, Q6_K -> {
                ctx.launch(Kernel.FILL_RANDOM_BYTES, grid, new KernelArgs().ptr(at).i64(e.bytes()).i32(seed));
                // scale so that dequantized values have roughly the spread of N(0, 1/fan_in)
                float typicalQuant = switch (t) { case Q8_0 -> 73f; case Q5_0 -> 9f; case Q4_K -> 4.5f * 32; default -> 18f * 32; };
                short bits = HalfFloats.floatToF16(amplitude / typicalQuant);
                int off0 = t == GgmlType.Q6_K ? 208 : 0, off1 = t == GgmlType.Q4_K ? 2 : -1;
                ctx.launch(Kernel.SET_BLOCK_SCALES, grid, new KernelArgs().ptr(at).i64(e.bytes() / t.blockBytes())
                        .i32(t.blockBytes()).i32(off0).i32(off1).i32(bits & 0xffff));
            }
            default -> throw new IllegalArgumentException("random weights of type " + t + " are not supported (BF16, F16, F32, Q8_0, Q5_0, Q4_K, Q6_K)");
        }
    }

    @Override
    public void close() {
        buffer.close();
    }
}
