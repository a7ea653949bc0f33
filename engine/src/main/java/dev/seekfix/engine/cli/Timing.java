package dev.seekfix.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.engine.api.Timings;

import java.util.Locale;

/** How the CLI shows {@link Timings}. */
final class Timing {

    private Timing() {
    }

    static ObjectNode json(Timings t) {
        ObjectNode o = Json.object();
        o.put("prompt_tokens", t.promptTokens());
        o.put("prefill_ms", t.prefillNanos() / 1e6);
        o.put("prefill_tokens_per_s", t.prefillTokensPerSecond());
        o.put("generated_tokens", t.generatedTokens());
        o.put("decode_ms", t.decodeNanos() / 1e6);
        o.put("decode_tokens_per_s", t.decodeTokensPerSecond());
        return o;
    }

    static String line(Timings t) {
        return String.format(Locale.ROOT, "prompt %d tokens in %.1f ms (%.1f tok/s), generated %d tokens in %.1f ms (%.1f tok/s)",
                t.promptTokens(), t.prefillNanos() / 1e6, t.prefillTokensPerSecond(), t.generatedTokens(),
                t.decodeNanos() / 1e6, t.decodeTokensPerSecond());
    }
}
