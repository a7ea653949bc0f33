package dev.seekfix.engine.gguf;

import dev.seekfix.engine.tensor.GgmlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GgufWriterTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsEveryMetadataTypeAndNestedArrays() {
        GgufMetadata meta = GgufMetadata.builder()
                .put("u8", GgufValueType.UINT8, 250L)
                .put("i8", GgufValueType.INT8, -7L)
                .put("u16", GgufValueType.UINT16, 65000L)
                .put("i16", GgufValueType.INT16, -30000L)
                .putUInt32("u32", 4_000_000_000L)
                .putInt32("i32", -2_000_000_000)
                .putUInt64("u64", 1L << 40)
                .put("i64", GgufValueType.INT64, -(1L << 50))
                .putFloat32("f32", 1e-6f)
                .putFloat64("f64", Math.PI)
                .putBool("bool", true)
                .putString("str", "naïve ✓ 日本")
                .putStrings("strs", List.of("a", "", "b c"))
                .putInt32s("i32s", new int[]{1, -2, 3})
                .putFloat32s("f32s", new float[]{0.5f, -1.25f})
                .put("u32s", GgufValueType.ARRAY, new GgufArray(GgufValueType.UINT32, new long[]{0, 4_000_000_000L}))
                .put("u8s", GgufValueType.ARRAY, new GgufArray(GgufValueType.UINT8, new int[]{0, 255}))
                .put("bools", GgufValueType.ARRAY, new GgufArray(GgufValueType.BOOL, new boolean[]{true, false}))
                .put("f64s", GgufValueType.ARRAY, new GgufArray(GgufValueType.FLOAT64, new double[]{1.5}))
                .put("nested", GgufValueType.ARRAY, new GgufArray(GgufValueType.ARRAY, List.of(
                        new GgufArray(GgufValueType.INT32, new int[]{7}),
                        new GgufArray(GgufValueType.STRING, List.of("x", "y")))))
                .build();
        Path p = dir.resolve("all.gguf");
        GgufWriter.write(p, meta, List.of());
        try (GgufFile f = GgufFile.open(p)) {
            GgufMetadata m = f.metadata();
            assertThat(m.keys()).containsExactlyElementsOf(meta.keys());
            assertThat(m.getLong("u8")).isEqualTo(250);
            assertThat(m.getLong("i8")).isEqualTo(-7);
            assertThat(m.getLong("u16")).isEqualTo(65000);
            assertThat(m.getLong("i16")).isEqualTo(-30000);
            assertThat(m.getLong("u32")).isEqualTo(4_000_000_000L);
            assertThat(m.getInt("i32")).isEqualTo(-2_000_000_000);
            assertThat(m.getLong("u64")).isEqualTo(1L << 40);
            assertThat(m.getLong("i64")).isEqualTo(-(1L << 50));
            assertThat(m.get("f32")).isEqualTo(1e-6f);
            assertThat(m.getDouble("f64")).isEqualTo(Math.PI);
            assertThat(m.getBoolean("bool")).isTrue();
            assertThat(m.getString("str")).isEqualTo("naïve ✓ 日本");
            assertThat(m.getStringArray("strs")).containsExactly("a", "", "b c");
            assertThat(m.getIntArray("i32s")).containsExactly(1, -2, 3);
            assertThat(m.getFloatArray("f32s")).containsExactly(0.5f, -1.25f);
            assertThat(m.getLongArray("u32s")).containsExactly(0, 4_000_000_000L);
            assertThat(m.getIntArray("u8s")).containsExactly(0, 255);
            assertThat((boolean[]) m.getArray("bools").values()).containsExactly(true, false);
            assertThat((double[]) m.getArray("f64s").values()).containsExactly(1.5);
            List<?> nested = (List<?>) m.getArray("nested").values();
            assertThat(((GgufArray) nested.get(0)).values()).isEqualTo(new int[]{7});
            assertThat(((GgufArray) nested.get(1)).values()).isEqualTo(List.of("x", "y"));
            for (String k : meta.keys()) assertThat(m.type(k)).isEqualTo(meta.type(k));
            assertThat(m.getString("missing", "dflt")).isEqualTo("dflt");
        }
    }

    @Test
    void writesTensorsAlignedAndReadsThemBack() {
        GgufMetadata meta = GgufMetadata.builder().putUInt32("general.alignment", 64).build();
        float[] a = {1, 2, 3, 4, 5, 6};
        byte[] b = new byte[34 * 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) i;
        Path p = dir.resolve("t.gguf");
        GgufWriter.write(p, meta, List.of(
                new GgufTensorToWrite("a", GgmlType.F32, new long[]{3, 2}, TensorContent.ofFloats(a)),
                new GgufTensorToWrite("b", GgmlType.Q8_0, new long[]{64}, TensorContent.of(b))));
        try (GgufFile f = GgufFile.open(p)) {
            assertThat(f.alignment()).isEqualTo(64);
            assertThat(f.dataStart() % 64).isZero();
            GgufTensorInfo ta = f.tensor("a");
            assertThat(ta.shape()).containsExactly(3, 2);
            assertThat(ta.byteSize()).isEqualTo(24);
            assertThat(f.tensor("b").offset()).isEqualTo(64);
            assertThat(f.tensorData("a").toArray(ValueLayout.JAVA_FLOAT)).containsExactly(a);
            assertThat(f.tensorData("b").toArray(ValueLayout.JAVA_BYTE)).containsExactly(b);
        }
    }

    @Test
    void mapsFilesLargerThan2GiB() {
        long elements = (3L << 30) / 4; // a 3 GiB F32 tensor, written sparse
        Path p = dir.resolve("big.gguf");
        GgufWriter.write(p, GgufMetadata.builder().build(), List.of(
                new GgufTensorToWrite("big", GgmlType.F32, new long[]{elements}, out -> {
                    long start = out.position();
                    ByteBuffer last = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(42.5f).flip();
                    out.write(last, start + elements * 4 - 4);
                    out.position(start + elements * 4);
                })));
        try (GgufFile f = GgufFile.open(p)) {
            var data = f.tensorData("big");
            assertThat(data.byteSize()).isEqualTo(3L << 30);
            assertThat(data.get(ValueLayout.JAVA_FLOAT_UNALIGNED, data.byteSize() - 4)).isEqualTo(42.5f);
            assertThat(data.get(ValueLayout.JAVA_FLOAT_UNALIGNED, 0)).isEqualTo(0f);
        }
    }
}
