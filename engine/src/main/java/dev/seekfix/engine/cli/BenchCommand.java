package dev.seekfix.engine.cli;

import dev.seekfix.engine.model.deepseek2.TensorNames;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.model.SequenceCache;
import dev.seekfix.engine.runtime.LocalLanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code bench}: prefill and decode throughput, like {@code llama-bench -p 64 -n 32}: each repetition runs a
 * prompt of fixed token ids as one batch into a fresh cache, then decodes greedily one token at a time. One
 * shorter run first warms up the JIT; the weights are read into memory before timing. Reports medians and the
 * weight bytes a decoded token reads (every tensor once, the routed experts' share of expert tensors, one row of
 * the embedding) and the bandwidth that implies.
 */
@Command(name = "bench", description = "Measure prefill and decode tokens per second; prints JSON with medians.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions options;

    @Option(names = "--prompt-tokens", defaultValue = "64", paramLabel = "N")
    int promptTokens;

    @Option(names = "--gen-tokens", defaultValue = "32", paramLabel = "N")
    int genTokens;

    @Option(names = "--reps", defaultValue = "3", paramLabel = "N")
    int reps;

    @Override
    public Integer call() {
        long bytesPerToken = decodeBytesPerToken();
        try (LocalLanguageModel m = options.load(spec.commandLine().getErr(), true)) {
            CausalModel model = m.causalModel();
            int[] prompt = promptIds(model.vocabularySize());
            run(model, Arrays.copyOf(prompt, Math.min(8, prompt.length)), Math.min(4, genTokens)); // JIT warm-up
            double[] prefill = new double[reps];
            double[] decode = new double[reps];
            for (int r = 0; r < reps; r++) {
                double[] tps = run(model, prompt, genTokens);
                prefill[r] = tps[0];
                decode[r] = tps[1];
                spec.commandLine().getErr().printf(java.util.Locale.ROOT, "rep %d: prefill %.1f tok/s, decode %.1f tok/s%n",
                        r + 1, tps[0], tps[1]);
                spec.commandLine().getErr().flush();
            }
            ObjectNode out = Json.object();
            out.put("model", options.model.toString());
            out.put("backend", m.info().backend());
            out.put("threads", options.threads);
            out.put("prompt_tokens", promptTokens);
            out.put("gen_tokens", genTokens);
            out.put("reps", reps);
            out.put("prefill_tokens_per_s", median(prefill));
            out.put("decode_tokens_per_s", median(decode));
            out.set("prefill_runs", Json.MAPPER.valueToTree(prefill));
            out.set("decode_runs", Json.MAPPER.valueToTree(decode));
            out.put("decode_bytes_per_token", bytesPerToken);
            out.put("decode_gb_per_s", bytesPerToken * median(decode) / 1e9);
            spec.commandLine().getOut().println(Json.write(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** {prefill tok/s, decode tok/s} of one repetition. */
    private static double[] run(CausalModel model, int[] prompt, int gen) {
        SequenceCache cache = model.newCache(prompt.length + gen + 1);
        long t0 = System.nanoTime();
        float[] logits = model.forward(cache, prompt);
        long t1 = System.nanoTime();
        for (int i = 0; i < gen; i++) {
            logits = model.forward(cache, new int[] {argmax(logits)});
        }
        long t2 = System.nanoTime();
        return new double[] {prompt.length * 1e9 / (t1 - t0), gen * 1e9 / Math.max(1, t2 - t1)};
    }

    /** Fixed, ordinary token ids spread over the vocabulary (no specials: they sit at the top of DeepSeek's). */
    private int[] promptIds(int vocabulary) {
        int ordinary = Math.min(vocabulary, 100000);
        int[] ids = new int[promptTokens];
        for (int i = 0; i < ids.length; i++) ids[i] = (int) ((i * 7919L + 13) % ordinary);
        return ids;
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private long decodeBytesPerToken() {
        try (GgufFile file = GgufFile.open(options.model)) {
            String arch = file.architecture();
            long experts = file.metadata().getLong(arch + ".expert_count", 0);
            long used = file.metadata().getLong(arch + ".expert_used_count", 0);
            long total = 0;
            for (GgufTensorInfo t : file.tensors()) {
                if (t.name().equals(TensorNames.TOKEN_EMBD)) total += t.rowBytes();
                else if (t.name().contains("_exps.") && experts > 0) total += t.byteSize() / experts * used;
                else total += t.byteSize();
            }
            return total;
        }
    }
}
