package dev.seekfix.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.kernels.TimedKernels;
import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.model.SequenceCache;
import dev.seekfix.engine.model.deepseek2.TensorNames;
import dev.seekfix.engine.runtime.KernelBackends;
import dev.seekfix.engine.runtime.LocalLanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench}: prefill and decode throughput, like {@code llama-bench -p 64 -n 32}: each repetition runs a
 * prompt of fixed token ids as one batch into a fresh cache, then decodes greedily one token at a time. Loading
 * warms the model up first (every page of the weights read, the model run until the JIT has compiled its kernels).
 * Reports medians and the weight bytes a decoded token reads (every tensor once, the routed experts' share of expert tensors, one row of
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

    @Option(names = "--breakdown", description = "also time every kernel call (cpu and scalar backends) and report "
            + "where prefill and decode spend their time: per operation, weight type and shape")
    boolean breakdown;

    @Override
    public Integer call() {
        long bytesPerToken = decodeBytesPerToken();
        List<TimedKernels> timed = new ArrayList<>(); // the model's kernels, when --breakdown
        KernelBackends backends = KernelBackends.standard();
        if (breakdown) backends = backends.wrapped(k -> {
            TimedKernels t = new TimedKernels(k);
            timed.add(t);
            return t;
        });
        try (LocalLanguageModel m = options.load(spec.commandLine().getErr(), true, backends)) {
            CausalModel model = m.causalModel();
            int[] prompt = promptIds(model.vocabularySize());
            double[] prefill = new double[reps];
            double[] decode = new double[reps];
            Breakdown times = timed.isEmpty() ? null : new Breakdown(timed.getLast());
            for (int r = 0; r < reps; r++) {
                double[] tps = run(model, prompt, genTokens, times);
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
            if (times != null) {
                out.set("prefill_breakdown", times.json(times.prefill, times.prefillNanos, (long) reps * promptTokens));
                out.set("decode_breakdown", times.json(times.decode, times.decodeNanos, (long) reps * genTokens));
            }
            spec.commandLine().getOut().println(Json.write(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** {prefill tok/s, decode tok/s} of one repetition; {@code times} (may be null) adds its kernel times. */
    private static double[] run(CausalModel model, int[] prompt, int gen, Breakdown times) {
        SequenceCache cache = model.newCache(prompt.length + gen + 1);
        if (times != null) times.kernels.reset();
        long t0 = System.nanoTime();
        float[] logits = model.forward(cache, prompt);
        long t1 = System.nanoTime();
        if (times != null) {
            times.add(times.prefill, times.kernels.entries());
            times.prefillNanos += t1 - t0;
            times.kernels.reset();
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < gen; i++) {
            logits = model.forward(cache, new int[] {argmax(logits)});
        }
        long t3 = System.nanoTime();
        if (times != null) {
            times.add(times.decode, times.kernels.entries());
            times.decodeNanos += t3 - t2;
        }
        return new double[] {prompt.length * 1e9 / (t1 - t0), gen * 1e9 / Math.max(1, t3 - t2)};
    }

    /** Kernel times summed over the repetitions, prefill and decode apart. */
    private static final class Breakdown {
        final TimedKernels kernels;
        final Map<String, TimedKernels.Entry> prefill = new LinkedHashMap<>(), decode = new LinkedHashMap<>();
        long prefillNanos, decodeNanos;

        Breakdown(TimedKernels kernels) {
            this.kernels = kernels;
        }

        void add(Map<String, TimedKernels.Entry> into, List<TimedKernels.Entry> entries) {
            for (TimedKernels.Entry e : entries) into.merge(e.operation(), e, TimedKernels.Entry::plus);
        }

        /** Per token: ms and calls of each operation (longest first), its multiply-add rate, and the time outside. */
        ObjectNode json(Map<String, TimedKernels.Entry> tally, long totalNanos, long tokens) {
            ObjectNode out = Json.object();
            ArrayNode ops = out.putArray("operations");
            long inside = 0;
            List<TimedKernels.Entry> sorted = new ArrayList<>(tally.values());
            sorted.sort(Comparator.comparingLong(TimedKernels.Entry::nanos).reversed());
            for (TimedKernels.Entry e : sorted) {
                inside += e.nanos();
                ObjectNode op = ops.addObject();
                op.put("operation", e.operation());
                op.put("ms_per_token", e.nanos() / 1e6 / tokens);
                op.put("calls_per_token", (double) e.calls() / tokens);
                if (e.macs() > 0) op.put("gmac_per_s", (double) e.macs() / Math.max(1, e.nanos()));
            }
            out.put("ms_per_token", totalNanos / 1e6 / tokens);
            out.put("outside_kernels_ms_per_token", (totalNanos - inside) / 1e6 / tokens);
            return out;
        }
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
