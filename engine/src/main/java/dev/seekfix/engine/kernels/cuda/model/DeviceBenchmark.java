package dev.seekfix.engine.kernels.cuda.model;

import dev.seekfix.engine.kernels.cuda.CudaAvailability;
import dev.seekfix.engine.kernels.cuda.CudaBackend;
import dev.seekfix.engine.kernels.cuda.device.CudaContext;
import dev.seekfix.engine.kernels.cuda.device.DeviceBuffer;
import dev.seekfix.engine.kernels.cuda.plan.CubinCache;
import dev.seekfix.engine.kernels.cuda.plan.WeightUploadPlan;
import dev.seekfix.engine.model.SequenceCache;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;
import dev.seekfix.engine.tensor.GgmlType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Batch-1 decode and prompt throughput of the device-resident model on random weights with Coder-V2-Lite's full
 * shapes, next to the memory-bandwidth bound (bytes of weights one token reads over the measured device copy
 * bandwidth), for BENCHMARKS.md. The weights are generated on the device: a Coder-V2-Lite-sized GGUF would be
 * 17–31 GB to write and carry. Prints one {@code BENCH key=value …} line (scripts/device-check.sh tabulates it).
 *
 * <pre>java … dev.seekfix.engine.kernels.cuda.model.DeviceBenchmark --type BF16|Q8_0|Q4_K|Q6_K|F16 [--layers 27]
 *      [--prompt-tokens 512] [--gen-tokens 64] [--reps 3] [--context 4096]</pre>
 * Exit status 2 when there is no usable device.
 */
public final class DeviceBenchmark {

    private DeviceBenchmark() {
    }

    record Options(GgmlType type, int layers, int promptTokens, int genTokens, int reps, int context) {
        static Options parse(String[] args) {
            GgmlType type = GgmlType.BF16;
            int layers = 27, prompt = 512, gen = 64, reps = 3, context = 4096;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("option " + args[i] + " needs a value");
                String v = args[i + 1];
                switch (args[i]) {
                    case "--type" -> type = GgmlType.valueOf(v.toUpperCase(Locale.ROOT));
                    case "--layers" -> layers = Integer.parseInt(v);
                    case "--prompt-tokens" -> prompt = Integer.parseInt(v);
                    case "--gen-tokens" -> gen = Integer.parseInt(v);
                    case "--reps" -> reps = Integer.parseInt(v);
                    case "--context" -> context = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; expected --type, --layers, --prompt-tokens, --gen-tokens, --reps, --context");
                }
            }
            if (prompt + gen + 1 > context) throw new IllegalArgumentException("--context must exceed prompt + generated tokens");
            return new Options(type, layers, prompt, gen, reps, context);
        }
    }

    public static void main(String[] args) {
        Options o = Options.parse(args);
        CudaAvailability a = CudaBackend.probe();
        if (!(a instanceof CudaAvailability.Available cuda)) {
            System.err.println(a.describe());
            System.out.println("BENCH type=" + o.type() + " status=no-device");
            System.exit(2);
            return;
        }
        System.err.println("device: " + a.describe());
        DeepSeek2Config config = ModelTensors.coderV2Lite(o.layers());
        try (CudaContext ctx = new CudaContext(cuda.device(), new CubinCache(CubinCache.defaultDirectory()))) {
            double copyGBs = copyBandwidth(ctx);
            long loadStart = System.nanoTime();
            DeviceDeepSeek2Model model = DeviceDeepSeek2Model.random(ctx, config, o.type(), o.context(), 1234);
            double loadS = (System.nanoTime() - loadStart) / 1e9;
            long weightBytes = model.weights().plan().totalBytes();
            Random rnd = new Random(42);
            int[] prompt = rnd.ints(o.promptTokens(), 0, config.vocabularySize()).toArray();
            double[] prefill = new double[o.reps()], decode = new double[o.reps()];
            for (int r = 0; r < o.reps(); r++) {
                SequenceCache cache = model.newCache(o.context());
                long t0 = System.nanoTime();
                float[] logits = model.forward(cache, prompt);
                prefill[r] = o.promptTokens() / ((System.nanoTime() - t0) / 1e9);
                int next = argmax(logits);
                logits = model.forward(cache, new int[]{next}); // captures the decode graph
                next = argmax(logits);
                long t1 = System.nanoTime();
                for (int i = 0; i < o.genTokens(); i++) next = argmax(model.forward(cache, new int[]{next}));
                decode[r] = o.genTokens() / ((System.nanoTime() - t1) / 1e9);
                if (!Float.isFinite(logits[next])) throw new IllegalStateException("non-finite logits: the random model is broken");
            }
            long active = activeBytesPerToken(config, o.type(), o.promptTokens() + o.genTokens() / 2);
            double bound = copyGBs * 1e9 / active;
            double dec = median(decode), pre = median(prefill);
            System.out.println(String.format(Locale.ROOT,
                    "BENCH type=%s layers=%d device=\"%s\" weights_gb=%.2f load_s=%.1f copy_gb_s=%.0f active_mb_per_token=%.0f "
                            + "bound_tok_s=%.0f prefill_tok_s=%.0f decode_tok_s=%.1f fraction_of_bound=%.2f prompt=%d gen=%d reps=%d",
                    o.type(), o.layers(), cuda.device().name(), weightBytes / 1e9, loadS, copyGBs, active / 1e6, bound, pre, dec,
                    dec / bound, o.promptTokens(), o.genTokens(), o.reps()));
            model.close(); // closes ctx too; the try closes it again harmlessly
        }
    }

    /** Device-to-device copy of 1 GiB, read + write bytes per second (GB/s). */
    static double copyBandwidth(CudaContext ctx) {
        long bytes = 1L << 30;
        try (DeviceBuffer a = ctx.allocate(bytes, "bandwidth source"); DeviceBuffer b = ctx.allocate(bytes, "bandwidth target")) {
            ctx.copy(a.address(), b.address(), bytes);
            int reps = 10;
            float ms = ctx.time(() -> {
                for (int i = 0; i < reps; i++) ctx.copy(a.address(), b.address(), bytes);
            });
            return 2.0 * bytes * reps / (ms / 1e3) / 1e9;
        }
    }

    /**
     * Bytes one decode step reads: every weight in its device type except unselected experts (embedding: one row),
     * plus the latent cache up to the average position.
     */
    static long activeBytesPerToken(DeepSeek2Config c, GgmlType type, int averagePosition) {
        long total = 0;
        for (ModelTensors.Shape s : ModelTensors.of(c)) {
            boolean f32 = s.vector() || s.name().endsWith("ffn_gate_inp.weight");
            GgmlType t = WeightUploadPlan.deviceType(new WeightUploadPlan.TensorSpec(s.name(), f32 ? GgmlType.F32 : type, s.cols(),
                    s.vector() ? 1 : s.totalRows()));
            long rowBytes = t.rowBytes(s.cols());
            if (s.name().equals(ModelTensors.TOKEN_EMBD)) total += rowBytes;
            else if (s.name().endsWith("_exps.weight")) total += rowBytes * s.rows() * c.expertsUsed();
            else total += rowBytes * (s.vector() ? 1 : s.totalRows());
        }
        return total + (long) c.layers() * averagePosition * c.cacheWidth() * Float.BYTES;
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
