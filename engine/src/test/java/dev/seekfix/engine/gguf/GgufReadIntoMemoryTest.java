package dev.seekfix.engine.gguf;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link GgufFile#read} (llama.cpp's {@code --no-mmap}) sees exactly what {@link GgufFile#open} maps. */
class GgufReadIntoMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aFileReadIntoMemoryHasTheSameMetadataTensorsAndBytesAsTheMappedFile() {
        Path model = Fixtures.model("ds2-micro-mla-Q4_K_M.gguf");
        try (GgufFile mapped = GgufFile.open(model); GgufFile read = GgufFile.read(model)) {
            assertThat(read.fileSize()).isEqualTo(mapped.fileSize());
            assertThat(read.metadata().getString("general.architecture", "?"))
                    .isEqualTo(mapped.metadata().getString("general.architecture", "?"));
            assertThat(read.tensors()).isEqualTo(mapped.tensors());
            for (GgufTensorInfo t : mapped.tensors()) {
                String name = t.name();
                assertThat(read.tensorData(name).toArray(ValueLayout.JAVA_BYTE))
                        .as(name).isEqualTo(mapped.tensorData(name).toArray(ValueLayout.JAVA_BYTE));
            }
        }
    }

    @Test
    void readingRejectsMissingWrongAndTruncatedFilesLikeMapping() throws IOException {
        assertThatThrownBy(() -> GgufFile.read(dir.resolve("nope.gguf"))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("does not exist");
        byte[] full = Files.readAllBytes(Fixtures.model("ds2-micro-mla-Q4_K_M.gguf"));
        Path bad = dir.resolve("bad.gguf");
        byte[] pk = full.clone();
        pk[0] = 'P';
        pk[1] = 'K';
        Files.write(bad, pk);
        assertThatThrownBy(() -> GgufFile.read(bad)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a GGUF file");
        Files.write(bad, Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> GgufFile.read(bad)).isInstanceOf(ModelFormatException.class)
                .hasMessageMatching("(?s).*(truncated|outside).*");
    }
}
