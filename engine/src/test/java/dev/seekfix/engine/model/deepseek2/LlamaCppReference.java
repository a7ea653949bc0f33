package dev.seekfix.engine.model.deepseek2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.engine.testing.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** One {@code ref/<model>__<prompt>.json} of the engine fixtures with its last-position logits. */
record LlamaCppReference(String model, String prompt, int[] promptTokens, float[] lastLogits, int[] greedyTokens,
                         float[] greedyMargins, int[][] allPositionTop5) {

    static LlamaCppReference load(String model, String prompt) {
        Path json = Fixtures.file("ref/" + model + "__" + prompt + ".json");
        try {
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            int[] tokens = ints(root.get("prompt_tokens"));
            byte[] raw = Files.readAllBytes(json.getParent().resolve(root.get("last_pos_logits_bin").asText()));
            float[] logits = new float[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(logits);
            JsonNode steps = root.get("greedy_steps");
            float[] margins = new float[steps.size()];
            for (int i = 0; i < margins.length; i++) margins[i] = (float) steps.get(i).get("margin").asDouble();
            JsonNode all = root.get("all_pos_top5");
            int[][] top5 = new int[all.size()][];
            for (int i = 0; i < top5.length; i++) {
                top5[i] = new int[all.get(i).size()];
                for (int j = 0; j < top5[i].length; j++) top5[i][j] = all.get(i).get(j).get("id").asInt();
            }
            return new LlamaCppReference(model, prompt, tokens, logits, ints(root.get("greedy_tokens")), margins, top5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }

    /** Index of the largest value, the lowest index on ties (llama.cpp greedy in the fixtures). */
    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }

    static int[] top(float[] logits, int k) {
        Integer[] idx = new Integer[logits.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = idx[i];
        return out;
    }
}
