package dev.seekfix.engine.kernels.cuda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.engine.testing.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** One {@code ref/<model>__<prompt>.json} of the engine fixtures (README section 3) with its last-position logits. */
record FixtureReference(int[] promptTokens, float[] lastLogits, int[] greedyTokens, float[] greedyMargins) {

    static FixtureReference load(String model, String prompt) {
        Path json = Fixtures.file("ref/" + model + "__" + prompt + ".json");
        try {
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            byte[] raw = Files.readAllBytes(json.getParent().resolve(root.get("last_pos_logits_bin").asText()));
            float[] logits = new float[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(logits);
            JsonNode steps = root.get("greedy_steps");
            float[] margins = new float[steps.size()];
            for (int i = 0; i < margins.length; i++) margins[i] = (float) steps.get(i).get("margin").asDouble();
            return new FixtureReference(ints(root.get("prompt_tokens")), logits, ints(root.get("greedy_tokens")), margins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asInt();
        return out;
    }

    /** Largest value, lowest index on ties (the fixtures' greedy rule). */
    static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(b[i])) return Double.POSITIVE_INFINITY;
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
