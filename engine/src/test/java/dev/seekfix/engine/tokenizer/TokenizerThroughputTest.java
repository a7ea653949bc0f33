package dev.seekfix.engine.tokenizer;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints load time and encode throughput on ~100 KB of this repository's Java sources with the full DeepSeek
 * vocabulary. Never asserts on time; only on the round trip.
 */
@Tag("slow")
class TokenizerThroughputTest {

    @Test
    void measuresEncodeThroughputOnSourceCode() throws IOException {
        Path vocab = Fixtures.file("tokenizer/" + FixtureTokenizers.DEEPSEEK_LLM);
        String source = sourceText(100_000);
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;

        long t0 = System.nanoTime();
        Tokenizer tokenizer;
        try (GgufFile file = GgufFile.open(vocab)) {
            tokenizer = Tokenizer.fromGguf(file);
        }
        long t1 = System.nanoTime();
        int[] ids = tokenizer.encode(source); // cold piece cache, cold JIT
        long t2 = System.nanoTime();
        assertThat(tokenizer.decode(ids, false)).isEqualTo(source);

        int reps = 10;
        long best = Long.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            int[] again = tokenizer.encode(source);
            best = Math.min(best, System.nanoTime() - s);
            assertThat(again).hasSameSizeAs(ids);
        }
        System.out.printf("tokenizer: load %.0f ms; %d bytes -> %d tokens (%.2f bytes/token); first encode %.1f ms"
                        + " (%.1f MB/s); warm best of %d %.1f ms (%.1f MB/s)%n",
                (t1 - t0) / 1e6, bytes, ids.length, (double) bytes / ids.length, (t2 - t1) / 1e6,
                bytes / ((t2 - t1) / 1e3), reps, best / 1e6, bytes / (best / 1e3));
    }

    /** About {@code size} characters of real Java code from this repository. */
    private static String sourceText(int size) throws IOException {
        Path root = Path.of(System.getProperty("seekfix.projectRoot", "."), "engine", "src");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        StringBuilder sb = new StringBuilder(size + 10_000);
        while (sb.length() < size) {
            assertThat(files).as("Java sources under %s", root).isNotEmpty();
            for (Path f : files) {
                sb.append(Files.readString(f));
                if (sb.length() >= size) break;
            }
        }
        int end = Character.isHighSurrogate(sb.charAt(size - 1)) ? size - 1 : size; // whole code points only
        return sb.substring(0, end);
    }
}
