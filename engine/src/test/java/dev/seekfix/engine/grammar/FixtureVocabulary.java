package dev.seekfix.engine.grammar;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Test-only reader of the vocabulary in a vocab-only GGUF fixture: just the {@code tokenizer.ggml.*} keys, read
 * straight from the GGUF v3 layout (the engine's own reader lives in {@code engine.gguf}, being written
 * elsewhere). Token bytes follow the fixture README: NORMAL tokens through GPT-2's bytes_to_unicode table,
 * USER_DEFINED tokens as their UTF-8 text, padding ({@code [PADnnn]}) and CONTROL tokens left out.
 */
final class FixtureVocabulary {

    private static final Map<Path, GrammarVocabulary> LOADED = new HashMap<>();
    private static final Pattern PADDING = Pattern.compile("\\[PAD\\d+\\]");
    private static final int NORMAL = 1;
    private static final int USER_DEFINED = 4;

    private FixtureVocabulary() {
    }

    /** DeepSeek-LLM's 102,400-token vocabulary, or the test is skipped when the fixture is absent. */
    static synchronized GrammarVocabulary deepSeek() {
        String root = System.getProperty("seekfix.fixtures", "../../shared/fixtures");
        Path file = Path.of(root, "engine", "tokenizer", "ggml-vocab-deepseek-llm.gguf");
        assumeTrue(Files.isRegularFile(file), "fixture " + file + " is absent; set -Dseekfix.fixtures");
        return LOADED.computeIfAbsent(file, FixtureVocabulary::load);
    }

    private static GrammarVocabulary load(Path file) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            if (buf.getInt() != 0x46554747) {
                throw new IllegalStateException(file + " is not a GGUF file");
            }
            buf.getInt(); // version
            buf.getLong(); // tensor count
            long kvCount = buf.getLong();
            List<String> tokens = null;
            int[] types = null;
            int eos = -1;
            for (long i = 0; i < kvCount; i++) {
                String key = string(buf);
                int type = buf.getInt();
                switch (key) {
                    case "tokenizer.ggml.tokens" -> {
                        buf.getInt(); // element type: string
                        int n = (int) buf.getLong();
                        tokens = new ArrayList<>(n);
                        for (int k = 0; k < n; k++) {
                            tokens.add(string(buf));
                        }
                    }
                    case "tokenizer.ggml.token_type" -> {
                        buf.getInt(); // element type: int32
                        int n = (int) buf.getLong();
                        types = new int[n];
                        for (int k = 0; k < n; k++) {
                            types[k] = buf.getInt();
                        }
                    }
                    case "tokenizer.ggml.eos_token_id" -> eos = (int) scalar(buf, type);
                    default -> skip(buf, type);
                }
            }
            byte[][] bytes = new byte[tokens.size()][];
            BitSet text = new BitSet(tokens.size());
            int[] byteOf = gpt2ByteDecoder();
            for (int id = 0; id < tokens.size(); id++) {
                String t = tokens.get(id);
                if (types[id] == NORMAL) {
                    byte[] b = new byte[t.length()];
                    for (int k = 0; k < t.length(); k++) {
                        b[k] = (byte) byteOf[t.charAt(k)];
                    }
                    bytes[id] = b;
                    text.set(id);
                } else if (types[id] == USER_DEFINED && !PADDING.matcher(t).matches()) {
                    bytes[id] = t.getBytes(StandardCharsets.UTF_8);
                    text.set(id);
                } else {
                    bytes[id] = t.getBytes(StandardCharsets.UTF_8);
                }
            }
            return new GrammarVocabulary(bytes, text, eos);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** GPT-2's bytes_to_unicode, inverted: [char] -> byte. */
    static int[] gpt2ByteDecoder() {
        int[] byteOf = new int[512];
        java.util.Arrays.fill(byteOf, -1);
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            if (printable) {
                byteOf[b] = b;
            } else {
                byteOf[256 + n++] = b;
            }
        }
        return byteOf;
    }

    private static String string(ByteBuffer buf) {
        int n = (int) buf.getLong();
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static long scalar(ByteBuffer buf, int type) {
        return switch (type) {
            case 0, 1 -> buf.get();
            case 2, 3 -> buf.getShort();
            case 4, 5 -> buf.getInt();
            case 10, 11 -> buf.getLong();
            default -> throw new IllegalStateException("not an integer GGUF type: " + type);
        };
    }

    private static void skip(ByteBuffer buf, int type) {
        switch (type) {
            case 0, 1, 7 -> buf.get();
            case 2, 3 -> buf.getShort();
            case 4, 5, 6 -> buf.getInt();
            case 10, 11, 12 -> buf.getLong();
            case 8 -> string(buf);
            case 9 -> {
                int elementType = buf.getInt();
                long n = buf.getLong();
                for (long k = 0; k < n; k++) {
                    skip(buf, elementType);
                }
            }
            default -> throw new IllegalStateException("unknown GGUF value type " + type);
        }
    }
}
