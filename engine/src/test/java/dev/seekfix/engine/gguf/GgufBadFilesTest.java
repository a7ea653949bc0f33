package dev.seekfix.engine.gguf;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Corrupt files give a {@link ModelFormatException} that says what is wrong, never a crash or a huge allocation. */
class GgufBadFilesTest {

    @TempDir
    Path dir;

    private Path small() {
        Path p = dir.resolve("small.gguf");
        GgufWriter.write(p, GgufMetadata.builder().putString("general.architecture", "deepseek2")
                        .putStrings("tokens", List.of("a", "b")).build(),
                List.of(new GgufTensorToWrite("w", GgmlType.F32, new long[]{4, 2},
                        TensorContent.ofFloats(new float[8]))));
        return p;
    }

    /** Byte offset of the first tensor info's dimension count in {@link #small()}. */
    private static long tensorInfoOffset(byte[] file) {
        // header 24; key "general.architecture" 8+20, type 4, value 8+9; key "tokens" 8+6, type 4, elem type 4, count 8, 2×(8+1)
        return 24 + (8 + 20 + 4 + 8 + 9) + (8 + 6 + 4 + 4 + 8 + 2 * 9);
    }

    private Path corrupt(byte[] bytes) throws IOException {
        Path p = dir.resolve("bad.gguf");
        Files.write(p, bytes);
        return p;
    }

    @Test
    void rejectsWrongMagic() throws IOException {
        byte[] b = Files.readAllBytes(small());
        b[0] = 'P';
        b[1] = 'K';
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a GGUF file").hasMessageContaining("50 4b");
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        assertThatThrownBy(() -> GgufFile.open(corrupt(new byte[0]))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void rejectsMissingFile() {
        assertThatThrownBy(() -> GgufFile.open(dir.resolve("nope.gguf"))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void rejectsUnsupportedVersion() throws IOException {
        byte[] b = Files.readAllBytes(small());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 7);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("unsupported GGUF version 7");
    }

    @Test
    void rejectsEveryTruncationOfARealModelHeaderAndData() throws IOException {
        byte[] full = Files.readAllBytes(Fixtures.model("ds2-micro-mla-Q4_K_M.gguf"));
        int[] cuts = {3, 4, 10, 23, 24, 100, 1000, 50_000, 150_000, 200_000, full.length / 2, full.length - 1};
        for (int cut : cuts) {
            byte[] b = java.util.Arrays.copyOf(full, cut);
            assertThatThrownBy(() -> GgufFile.open(corrupt(b))).as("cut at " + cut)
                    .isInstanceOf(ModelFormatException.class).hasMessageMatching("(?s).*(truncated|not a GGUF|outside).*");
        }
    }

    @Test
    void rejectsAbsurdMetadataCountWithoutAllocating() throws IOException {
        byte[] b = Files.readAllBytes(small());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(16, 1L << 60);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("metadata key count");
    }

    @Test
    void rejectsAbsurdTensorCount() throws IOException {
        byte[] b = Files.readAllBytes(small());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(8, -5L);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tensor count");
    }

    @Test
    void rejectsAbsurdArrayLengthWithoutAllocating() throws IOException {
        byte[] b = Files.readAllBytes(small());
        long countAt = 24 + (8 + 20 + 4 + 8 + 9) + (8 + 6 + 4 + 4);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) countAt, 2_000_000_000L);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("array length 2000000000 cannot fit");
    }

    @Test
    void rejectsAbsurdStringLength() throws IOException {
        byte[] b = Files.readAllBytes(small());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(24, 1L << 40);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("runs past the end");
    }

    @Test
    void rejectsAbsurdDimensions() throws IOException {
        byte[] b = Files.readAllBytes(small());
        long dimsAt = tensorInfoOffset(b) + 8 + 1 + 4; // name "w", then n_dims
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) dimsAt, 1L << 62).putLong((int) dimsAt + 8, 1L << 62);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tensor w").hasMessageContaining("2^63");
    }

    @Test
    void rejectsTooManyDimensions() throws IOException {
        byte[] b = Files.readAllBytes(small());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt((int) tensorInfoOffset(b) + 9, 9);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("expected 1..4 dimensions, found 9");
    }

    @Test
    void rejectsOffsetOutsideTheFile() throws IOException {
        byte[] b = Files.readAllBytes(small());
        long offsetAt = tensorInfoOffset(b) + 9 + 4 + 16 + 4;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) offsetAt, 1L << 20);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tensor w").hasMessageContaining("outside the data section");
    }

    @Test
    void rejectsMisalignedOffset() throws IOException {
        byte[] b = Files.readAllBytes(small());
        long offsetAt = tensorInfoOffset(b) + 9 + 4 + 16 + 4;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) offsetAt, 4);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a multiple of the alignment 32");
    }

    @Test
    void rejectsUnknownTensorTypeAndRemovedTypesByName() throws IOException {
        byte[] b = Files.readAllBytes(small());
        long typeAt = tensorInfoOffset(b) + 9 + 4 + 16;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt((int) typeAt, 77);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("unknown ggml type id 77");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt((int) typeAt, 31);
        assertThatThrownBy(() -> GgufFile.open(corrupt(b))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("Q4_0_4_4").hasMessageContaining("removed");
    }

    @Test
    void readsTheSmallFileItself() throws IOException {
        try (GgufFile f = GgufFile.open(small())) {
            assertThat(f.tensor("w").shape()).containsExactly(4, 2);
            assertThat(f.architecture()).isEqualTo("deepseek2");
        }
    }

    @Test
    void missingKeyAndWrongTypeSayWhich() throws IOException {
        try (GgufFile f = GgufFile.open(small())) {
            assertThatThrownBy(() -> f.metadata().getLong("deepseek2.block_count"))
                    .isInstanceOf(ModelFormatException.class).hasMessageContaining("deepseek2.block_count is missing");
            assertThatThrownBy(() -> f.metadata().getLong("general.architecture"))
                    .isInstanceOf(ModelFormatException.class).hasMessageContaining("expected an integer, found STRING");
            assertThatThrownBy(() -> f.tensor("nope")).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("tensor nope is missing");
        }
    }
}
