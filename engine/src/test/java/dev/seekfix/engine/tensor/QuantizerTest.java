package dev.seekfix.engine.tensor;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class QuantizerTest {

    private static final Map<GgmlType, Double> MAX_RELATIVE_RMS = Map.of(
            GgmlType.F16, 1e-3, GgmlType.BF16, 6e-3, GgmlType.Q8_0, 0.01, GgmlType.Q4_0, 0.12,
            GgmlType.Q4_1, 0.10, GgmlType.Q5_0, 0.06, GgmlType.Q5_1, 0.05, GgmlType.Q4_K, 0.10,
            GgmlType.Q5_K, 0.05, GgmlType.Q6_K, 0.025);

    @ParameterizedTest
    @EnumSource(names = {"F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q4_K", "Q5_K", "Q6_K"})
    void roundTripStaysWithinTheTypesQuantizationError(GgmlType type) {
        Random rnd = new Random(7);
        float[] x = new float[4096];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian() * (i % 512 < 256 ? 1f : 0.01f);
        x[100] = 0; // zeros and a constant block must survive
        for (int i = 1024; i < 1280; i++) x[i] = 0;
        byte[] q = Quantizer.quantize(type, x);
        assertThat(q.length).isEqualTo(type.rowBytes(x.length));
        float[] y = Dequantizer.dequantize(type, MemorySegment.ofArray(q), x.length);
        for (int blockStart = 0; blockStart < x.length; blockStart += 256) {
            double err = 0, norm = 0;
            for (int i = blockStart; i < blockStart + 256; i++) {
                err += (x[i] - y[i]) * (double) (x[i] - y[i]);
                norm += x[i] * (double) x[i];
            }
            if (norm == 0) {
                assertThat(err).as("all-zero block").isZero();
            } else {
                assertThat(Math.sqrt(err / norm)).as(type + " block at " + blockStart).isLessThan(MAX_RELATIVE_RMS.get(type));
            }
        }
    }

    @Test
    void q8_0RoundsTiesAwayFromZeroLikeRoundf() {
        float[] x = new float[32];
        x[0] = 127f;    // d = 1
        x[1] = -2.5f;   // roundf -> -3
        x[2] = 2.5f;    // roundf -> 3
        byte[] q = Quantizer.quantize(GgmlType.Q8_0, x);
        assertThat(q[2 + 1]).isEqualTo((byte) -3);
        assertThat(q[2 + 2]).isEqualTo((byte) 3);
    }

    /**
     * The fixture's quantized files were written by llama-quantize (no importance matrix) from the F32 file, and
     * the F16/BF16 files by round-to-nearest-even: quantizing the F32 tensors with the reference quantizers must
     * give the very same bytes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ds2-micro-mla-F16.gguf", "ds2-micro-mla-BF16.gguf", "ds2-micro-mla-Q8_0.gguf",
            "ds2-micro-mla-Q4_K_M.gguf"})
    void reproducesTheFixtureFilesBytesFromTheF32Weights(String file) {
        Map<GgmlType, Integer> checked = new HashMap<>();
        try (GgufFile f32 = GgufFile.open(Fixtures.model("ds2-micro-mla-F32.gguf"));
             GgufFile quant = GgufFile.open(Fixtures.model(file))) {
            for (GgufTensorInfo t : quant.tensors()) {
                float[] x = f32.tensorData(t.name()).toArray(ValueLayout.JAVA_FLOAT_UNALIGNED);
                byte[] expected = quant.tensorData(t.name()).toArray(ValueLayout.JAVA_BYTE);
                byte[] actual = Quantizer.quantize(t.type(), x);
                assertThat(actual).as(t.toString()).isEqualTo(expected);
                float[] back = Dequantizer.dequantize(t.type(), quant.tensorData(t.name()), x.length);
                double err = 0, norm = 0;
                for (int i = 0; i < x.length; i++) {
                    err += (x[i] - back[i]) * (double) (x[i] - back[i]);
                    norm += x[i] * (double) x[i];
                }
                if (t.type() != GgmlType.F32) {
                    assertThat(Math.sqrt(err / norm)).as(t.toString()).isLessThan(MAX_RELATIVE_RMS.get(t.type()));
                }
                checked.merge(t.type(), 1, Integer::sum);
            }
        }
        assertThat(checked).isNotEmpty();
    }

    @Test
    void k256FileDequantizesToGaussianWeightsOfTheDocumentedScale() {
        try (GgufFile f = GgufFile.open(Fixtures.model("ds2-k256-mla-Q4_K_M.gguf"))) {
            Map<GgmlType, Integer> seen = new HashMap<>();
            for (GgufTensorInfo t : f.tensors()) {
                float[] w = Dequantizer.dequantize(t.type(), f.tensorData(t.name()), (int) t.elementCount());
                double sum2 = 0;
                for (float v : w) sum2 += v * (double) v;
                double std = Math.sqrt(sum2 / w.length);
                // README 2.2: linear weights N(0, 1/sqrt(fan_in)), token_embd N(0,1), output N(0, 3/sqrt(hidden))
                double expected = t.name().endsWith("_norm.weight") ? 1.0
                        : t.name().equals("token_embd.weight") ? 1.0
                        : t.name().equals("output.weight") ? 3.0 / Math.sqrt(256)
                        : 1.0 / Math.sqrt(t.ne(0));
                if (!t.name().endsWith("_norm.weight") && !t.name().contains("attn_k_b")) { // k_b is cut from kv_b
                    assertThat(std).as(t.toString()).isBetween(expected * 0.85, expected * 1.15);
                }
                seen.merge(t.type(), 1, Integer::sum);
            }
            assertThat(seen).containsEntry(GgmlType.Q4_K, 16).containsEntry(GgmlType.Q6_K, 3);
        }
    }
}
