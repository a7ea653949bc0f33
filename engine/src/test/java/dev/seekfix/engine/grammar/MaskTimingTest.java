package dev.seekfix.engine.grammar;

import dev.seekfix.engine.api.OutputConstraint;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints mask times with the real vocabulary (never asserts on time). Opt-in, it takes a while:
 * {@code ./mvnw -pl engine test -Dtest=MaskTimingTest -Dgroups=slow -Dseekfix.timing=true}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "seekfix.timing", matches = "true")
class MaskTimingTest {

    @Test
    void printsMaskTimesForTheFindingsSchema() {
        // thread CPU time, not wall time: the build machines are shared and wall times swing with their load
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        GrammarVocabulary vocabulary = FixtureVocabulary.deepSeek();
        long t0 = cpu.getCurrentThreadCpuTime();
        TokenIndex index = TokenIndex.of(vocabulary);
        long t1 = cpu.getCurrentThreadCpuTime();
        System.out.printf("token index (CPU): %.1f ms, %d trie nodes, %d slice tokens%n", (t1 - t0) / 1e6,
                index.trieNodes(), index.sliceSize());
        for (JsonWhitespace whitespace : JsonWhitespace.values()) {
            long c0 = cpu.getCurrentThreadCpuTime();
            TokenConstraint constraint = new ConstraintCompiler(index, whitespace)
                    .compile(new OutputConstraint.JsonSchema(FindingsSchema.TEXT));
            long c1 = cpu.getCurrentThreadCpuTime();
            long[] mask = new long[vocabulary.maskWords()];
            TokenMatcher first = constraint.newMatcher();
            long f0 = cpu.getCurrentThreadCpuTime();
            first.fillMask(mask);
            long f1 = cpu.getCurrentThreadCpuTime();
            System.out.printf("%s (CPU): compile %.1f ms, first mask %.2f ms%n", whitespace, (c1 - c0) / 1e6, (f1 - f0) / 1e6);
            long[] cached = new long[400_000];
            long[] full = new long[4_000];
            int n = 0;
            int nFull = 0;
            int walks = 0;
            long totalSteps = 0;
            for (int seed = 0; seed < 12; seed++) {
                Random random = new Random(seed);
                TokenMatcher m = constraint.newMatcher();
                walks++;
                while (true) {
                    if (nFull < full.length && random.nextInt(8) == 0) {
                        long u0 = cpu.getCurrentThreadCpuTime();
                        m.uncachedMask();
                        full[nFull++] = cpu.getCurrentThreadCpuTime() - u0;
                    }
                    long s0 = cpu.getCurrentThreadCpuTime();
                    m.fillMask(mask);
                    long s1 = cpu.getCurrentThreadCpuTime();
                    if (n < cached.length) {
                        cached[n++] = s1 - s0;
                    }
                    int id = MaskOracle.sample(mask, random);
                    m.accept(id);
                    totalSteps++;
                    if (id == vocabulary.eosId()) {
                        break;
                    }
                }
            }
            System.out.printf("%s: %d walks, %.0f tokens per walk; %s%n", whitespace, walks,
                    (double) totalSteps / walks, constraint.statistics());
            System.out.printf("%s (CPU): fillMask (cache+slice) %s%n", whitespace, percentiles(cached, n));
            System.out.printf("%s (CPU): full trie walk (no cache, no slice) %s%n", whitespace, percentiles(full, nFull));
        }
    }

    private static String percentiles(long[] nanos, int n) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e3;
        return String.format("n=%d mean %.1f us, p50 %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us", n, mean,
                sorted[n / 2] / 1e3, sorted[(int) (n * 0.9)] / 1e3, sorted[(int) (n * 0.99)] / 1e3, sorted[n - 1] / 1e3);
    }
}
