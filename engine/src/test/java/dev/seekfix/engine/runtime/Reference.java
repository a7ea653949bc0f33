package dev.seekfix.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.engine.testing.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A llama.cpp reference of the engine fixtures ({@code ref/<model>__<prompt>.json}, fixture README 3.2). */
public record Reference(String model, String prompt, String promptText, int[] promptTokens, int[] greedyTokens,
                        float[] greedyMargins, int firstSecondId, byte[] greedyTextBytes, int[] top5, float[] top5Logits) {

    public static Reference load(String model, String prompt) {
        Path json = Fixtures.file("ref/" + model + "__" + prompt + ".json");
        try {
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            JsonNode steps = root.get("greedy_steps");
            float[] margins = new float[steps.size()];
            for (int i = 0; i < margins.length; i++) margins[i] = (float) steps.get(i).get("margin").asDouble();
            JsonNode text = root.get("greedy_text_bytes");
            byte[] bytes = new byte[text.size()];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) text.get(i).asInt();
            JsonNode top = root.get("last_pos_top5");
            int[] ids = new int[top.size()];
            float[] logits = new float[top.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = top.get(i).get("id").asInt();
                logits[i] = (float) top.get(i).get("logit").asDouble();
            }
            String promptText = Files.readString(json.getParent().resolve(root.get("prompt_file").asText()),
                    StandardCharsets.UTF_8);
            return new Reference(model, prompt, promptText, ints(root.get("prompt_tokens")),
                    ints(root.get("greedy_tokens")), margins, steps.get(0).get("second_id").asInt(), bytes, ids, logits);
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

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }
}
