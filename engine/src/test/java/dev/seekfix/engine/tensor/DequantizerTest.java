package dev.seekfix.engine.tensor;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** Dequantization of hand-built blocks whose values are computed here from the ggml-common.h layouts. */
class DequantizerTest {

    private static ByteBuffer block(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static float[] dq(GgmlType t, ByteBuffer b, int n) {
        return Dequantizer.dequantize(t, MemorySegment.ofArray(b.array()), n);
    }

    @Test
    void q8_0IsScaleTimesSignedBytes() {
        ByteBuffer b = block(34).putShort(HalfFloats.floatToF16(0.5f));
        for (int i = 0; i < 32; i++) b.put((byte) (i * 9 - 128));
        float[] y = dq(GgmlType.Q8_0, b, 32);
        for (int i = 0; i < 32; i++) assertThat(y[i]).isEqualTo((byte) (i * 9 - 128) * 0.5f);
    }

    @Test
    void q4_0PutsLowNibblesFirstAndHighNibblesSecond() {
        ByteBuffer b = block(18).putShort(HalfFloats.floatToF16(2f));
        for (int i = 0; i < 16; i++) b.put((byte) (i | ((15 - i) << 4)));
        float[] y = dq(GgmlType.Q4_0, b, 32);
        for (int i = 0; i < 16; i++) {
            assertThat(y[i]).isEqualTo((i - 8) * 2f);
            assertThat(y[16 + i]).isEqualTo((15 - i - 8) * 2f);
        }
    }

    @Test
    void q5_0TakesTheFifthBitFromQh() {
        int qh = 0b1010_0000_0000_0001_1000_0000_0000_0011; // bit j is the fifth bit of element j
        ByteBuffer b = block(22).putShort(HalfFloats.floatToF16(0.25f)).putInt(qh);
        for (int i = 0; i < 16; i++) b.put((byte) (3 | (12 << 4)));
        float[] y = dq(GgmlType.Q5_0, b, 32);
        for (int j = 0; j < 32; j++) {
            int high = (qh >>> j) & 1;
            int nib = j < 16 ? 3 : 12;
            assertThat(y[j]).as("element " + j).isEqualTo(((nib | (high << 4)) - 16) * 0.25f);
        }
    }

    @Test
    void q4_1AndQ5_1AddTheMinimum() {
        ByteBuffer b = block(20).putShort(HalfFloats.floatToF16(0.5f)).putShort(HalfFloats.floatToF16(-1f));
        for (int i = 0; i < 16; i++) b.put((byte) (i | (i << 4)));
        float[] y = dq(GgmlType.Q4_1, b, 32);
        assertThat(y[3]).isEqualTo(3 * 0.5f - 1f);
        assertThat(y[16 + 15]).isEqualTo(15 * 0.5f - 1f);
        ByteBuffer c = block(24).putShort(HalfFloats.floatToF16(0.5f)).putShort(HalfFloats.floatToF16(-1f)).putInt(1 << 20);
        for (int i = 0; i < 16; i++) c.put((byte) 0x11);
        float[] z = dq(GgmlType.Q5_1, c, 32);
        assertThat(z[0]).isEqualTo(0.5f - 1f);
        assertThat(z[20]).isEqualTo(17 * 0.5f - 1f);
    }

    /** Packs 8 six-bit scales and mins as ggml's quantize_row_q4_K_ref does. */
    private static byte[] packScales(int[] sc, int[] mn) {
        byte[] s = new byte[12];
        for (int j = 0; j < 8; j++) {
            if (j < 4) {
                s[j] = (byte) sc[j];
                s[j + 4] = (byte) mn[j];
            } else {
                s[j + 4] = (byte) ((sc[j] & 0xF) | ((mn[j] & 0xF) << 4));
                s[j - 4] |= (byte) ((sc[j] >> 4) << 6);
                s[j] |= (byte) ((mn[j] >> 4) << 6);
            }
        }
        return s;
    }

    @Test
    void q4_KUsesSixBitScalesAndMinsPerSubBlockOf32() {
        int[] sc = {1, 63, 17, 40, 33, 2, 63, 48};
        int[] mn = {0, 5, 63, 31, 16, 60, 1, 33};
        float d = 0.125f, dmin = 0.0625f;
        ByteBuffer b = block(144).putShort(HalfFloats.floatToF16(d)).putShort(HalfFloats.floatToF16(dmin)).put(packScales(sc, mn));
        int[] q = new int[256];
        for (int i = 0; i < 256; i++) q[i] = (i * 7 + 3) % 16;
        for (int chunk = 0; chunk < 4; chunk++) {
            for (int l = 0; l < 32; l++) b.put((byte) (q[64 * chunk + l] | (q[64 * chunk + 32 + l] << 4)));
        }
        float[] y = dq(GgmlType.Q4_K, b, 256);
        for (int i = 0; i < 256; i++) {
            int sub = i / 32;
            assertThat(y[i]).as("element " + i).isEqualTo(d * sc[sub] * q[i] - dmin * mn[sub]);
        }
    }

    @Test
    void q5_KAddsHighBitsFromQh() {
        int[] sc = {3, 9, 27, 63, 1, 0, 12, 50};
        int[] mn = {7, 0, 1, 2, 63, 44, 8, 9};
        float d = 0.5f, dmin = 0.25f;
        int[] q = new int[256];
        for (int i = 0; i < 256; i++) q[i] = (i * 13 + 5) % 32;
        byte[] qh = new byte[32];
        byte[] ql = new byte[128];
        for (int chunk = 0; chunk < 4; chunk++) {
            for (int l = 0; l < 32; l++) {
                int lo = q[64 * chunk + l], hi = q[64 * chunk + 32 + l];
                ql[32 * chunk + l] = (byte) ((lo & 15) | ((hi & 15) << 4));
                if (lo > 15) qh[l] |= (byte) (1 << (2 * chunk));
                if (hi > 15) qh[l] |= (byte) (2 << (2 * chunk));
            }
        }
        ByteBuffer b = block(176).putShort(HalfFloats.floatToF16(d)).putShort(HalfFloats.floatToF16(dmin))
                .put(packScales(sc, mn)).put(qh).put(ql);
        float[] y = dq(GgmlType.Q5_K, b, 256);
        for (int i = 0; i < 256; i++) {
            int sub = i / 32;
            assertThat(y[i]).as("element " + i).isEqualTo(d * sc[sub] * q[i] - dmin * mn[sub]);
        }
    }

    @Test
    void q6_KCombinesFourLowAndTwoHighBitsWithSignedScalesPer16() {
        int[] q = new int[256]; // 0..63
        for (int i = 0; i < 256; i++) q[i] = (i * 29 + 11) % 64;
        byte[] scales = new byte[16];
        for (int i = 0; i < 16; i++) scales[i] = (byte) (i * 17 - 128);
        byte[] ql = new byte[128];
        byte[] qh = new byte[64];
        for (int half = 0; half < 2; half++) {
            int base = 128 * half;
            for (int l = 0; l < 32; l++) {
                int q1 = q[base + l], q2 = q[base + l + 32], q3 = q[base + l + 64], q4 = q[base + l + 96];
                ql[64 * half + l] = (byte) ((q1 & 15) | ((q3 & 15) << 4));
                ql[64 * half + l + 32] = (byte) ((q2 & 15) | ((q4 & 15) << 4));
                qh[32 * half + l] = (byte) ((q1 >> 4) | ((q2 >> 4) << 2) | ((q3 >> 4) << 4) | ((q4 >> 4) << 6));
            }
        }
        float d = 0.03125f;
        ByteBuffer b = block(210).put(ql).put(qh).put(scales).putShort(HalfFloats.floatToF16(d));
        float[] y = dq(GgmlType.Q6_K, b, 256);
        for (int i = 0; i < 256; i++) {
            assertThat(y[i]).as("element " + i).isEqualTo(d * scales[i / 16] * (q[i] - 32));
        }
    }

    @Test
    void halfAndBfloatRoundToNearestEven() {
        assertThat(HalfFloats.roundToF16(1.0f + 1f / 2048)).isEqualTo(1.0f); // tie -> even
        assertThat(HalfFloats.roundToF16(1.0f + 3f / 2048)).isEqualTo(1.0f + 2f / 1024);
        assertThat(HalfFloats.roundToBf16(1.0f + 1f / 256)).isEqualTo(1.0f); // tie -> even
        assertThat(HalfFloats.roundToBf16(1.0f + 3f / 256)).isEqualTo(1.0f + 2f / 128);
        assertThat(Float.isNaN(HalfFloats.roundToBf16(Float.NaN))).isTrue();
    }
}
