package dev.seekfix.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One llama.cpp reference of the engine fixtures, {@code ref/<model>__<prompt>.json} (fixture README section 3),
 * with its last-position logits: the one reader every engine test compares against.
 *
 * @param top5           ids of the last position's five largest logits
 * @param top5Logits     their logits
 * @param firstSecondId  the runner-up of the first greedy step
 * @param allPositionTop5 top-5 ids at every prompt position
 */
public record LlamaCppReference(String model, String prompt, String promptText, int[] promptTokens, float[] lastLogits,
                                int[] greedyTokens, float[] greedyMargins, int firstSecondId, byte[] greedyTextBytes,
                                int[] top5, float[] top5Logits, int[][] allPositionTop5) {

    public static LlamaCppReference load(String model, String prompt) {
        Path json = Fixtures.file("ref/" + model + "__" + prompt + ".json");
        try {
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            byte[] raw = Files.readAllBytes(json.getParent().resolve(root.get("last_pos_logits_bin").asText()));
            float[] logits = new float[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(logits);
            JsonNode steps = root.get("greedy_steps");
            float[] margins = new float[steps.size()];
            for (int i = 0; i < margins.length; i++) margins[i] = (float) steps.get(i).get("margin").asDouble();
            JsonNode text = root.get("greedy_text_bytes");
            byte[] bytes = new byte[text.size()];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) text.get(i).asInt();
            JsonNode top = root.get("last_pos_top5");
            int[] ids = new int[top.size()];
            float[] topLogits = new float[top.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = top.get(i).get("id").asInt();
                topLogits[i] = (float) top.get(i).get("logit").asDouble();
            }
            JsonNode all = root.get("all_pos_top5");
            int[][] top5 = new int[all.size()][];
            for (int i = 0; i < top5.length; i++) {
                top5[i] = new int[all.get(i).size()];
                for (int j = 0; j < top5[i].length; j++) top5[i][j] = all.get(i).get(j).get("id").asInt();
            }
            String promptText = Files.readString(json.getParent().resolve(root.get("prompt_file").asText()),
                    StandardCharsets.UTF_8);
            return new LlamaCppReference(model, prompt, promptText, ints(root.get("prompt_tokens")), logits,
                    ints(root.get("greedy_tokens")), margins, steps.get(0).get("second_id").asInt(), bytes, ids,
                    topLogits, top5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Greedy steps that can be compared: all, or up to the first whose recorded margin is within {@code tolerance}. */
    public int comparableSteps(float tolerance) {
        for (int i = 0; i < greedyMargins.length; i++) {
            if (greedyMargins[i] <= tolerance) return i;
        }
        return greedyMargins.length;
    }

    /** Index of the largest value, the lowest index on ties (llama.cpp greedy in the fixtures). */
    public static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }

    /** The {@code k} largest, lowest index first on ties. */
    public static int[] top(float[] logits, int k) {
        Integer[] idx = new Integer[logits.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = idx[i];
        return out;
    }

    /** Largest absolute difference; infinite when {@code b} has a non-finite value. */
    public static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(b[i])) return Double.POSITIVE_INFINITY;
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }
}
