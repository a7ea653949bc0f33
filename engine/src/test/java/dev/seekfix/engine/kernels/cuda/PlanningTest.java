package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.kernels.cuda.model.ModelTensors;
import dev.seekfix.engine.kernels.cuda.plan.CubinCache;
import dev.seekfix.engine.kernels.cuda.plan.DeviceWorkspace;
import dev.seekfix.engine.kernels.cuda.plan.KernelSource;
import dev.seekfix.engine.kernels.cuda.plan.LatentCacheLayout;
import dev.seekfix.engine.kernels.cuda.plan.LaunchGeometry;
import dev.seekfix.engine.kernels.cuda.plan.NvrtcOptions;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure-Java plans of the CUDA backend: compile options, kernel cache, launch geometry, cache and workspace sizes. */
class PlanningTest {

    private static final DeepSeek2Config LITE = ModelTensors.coderV2Lite(27);

    @Test
    void nvrtcCompilesToCubinForTheDevicesOwnArchitecture() {
        NvrtcOptions o = NvrtcOptions.forComputeCapability(9, 0);
        assertThat(o.arch()).isEqualTo("sm_90");
        assertThat(o.options()).contains("--gpu-architecture=sm_90").noneMatch(s -> s.contains("compute_"));
        assertThat(NvrtcOptions.forComputeCapability(8, 6).options()).contains("--gpu-architecture=sm_86");
        assertThat(o.nvccArguments()).startsWith("-cubin", "-arch=sm_90");
    }

    @Test
    void refusesArchitecturesOlderThanVoltaWithAWayOut() {
        assertThatThrownBy(() -> NvrtcOptions.forComputeCapability(6, 1))
                .hasMessageContaining("6.1").hasMessageContaining("--backend cpu");
    }

    @Test
    void cachedCubinIsFoundAgainOnlyForTheSameSourceArchitectureAndOptions(@TempDir Path dir) {
        CubinCache cache = new CubinCache(dir);
        KernelSource src = KernelSource.load("elementwise.cu");
        NvrtcOptions h200 = NvrtcOptions.forComputeCapability(9, 0);
        assertThat(cache.read(src, h200)).isEmpty();
        Path written = cache.write(src, h200, new byte[]{0x7f, 'E', 'L', 'F'});
        assertThat(written.getFileName().toString()).matches("elementwise-sm_90-[0-9a-f]{16}\\.cubin");
        assertThat(cache.read(src, h200)).hasValueSatisfying(b -> assertThat(b).containsExactly(0x7f, 'E', 'L', 'F'));
        assertThat(cache.read(src, NvrtcOptions.forComputeCapability(8, 0))).isEmpty();
        assertThat(cache.read(new KernelSource(src.file(), src.text() + "\n// changed"), h200)).isEmpty();
        assertThat(cache.read(src, new NvrtcOptions("sm_90", java.util.List.of("--gpu-architecture=sm_90")))).isEmpty();
    }

    @Test
    void geometryConstantsEqualTheDefinesOfTheKernelSources() {
        String all = String.join("\n", KernelSource.all().stream().map(KernelSource::text).toList());
        assertThat(define(all, "MATVEC_ROWS")).isEqualTo(LaunchGeometry.MATVEC_ROWS);
        assertThat(define(all, "ATT_WARPS")).isEqualTo(LaunchGeometry.ATT_WARPS);
        assertThat(define(all, "ATT_HEADS")).isEqualTo(LaunchGeometry.ATT_HEADS);
        assertThat(define(all, "MIX_THREADS")).isEqualTo(LaunchGeometry.MIX_THREADS);
        assertThat(define(all, "MIX_SPLIT")).isEqualTo(LaunchGeometry.MIX_SPLIT);
        assertThat(define(all, "MOE_MAX_EXPERTS")).isEqualTo(LaunchGeometry.MOE_MAX_EXPERTS);
    }

    private static int define(String text, String name) {
        Matcher m = Pattern.compile("#define " + name + " (\\d+)").matcher(text);
        assertThat(m.find()).as("#define %s in the kernel sources", name).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void matvecLaunchesOneWarpPerRowAndOneGridRowPerOutput() {
        LaunchGeometry vocab = LaunchGeometry.matvec(102400, 1);
        assertThat(vocab.gridX()).isEqualTo(25600);
        assertThat(vocab.blockX() * vocab.blockY()).isEqualTo(128);
        LaunchGeometry experts = LaunchGeometry.matvec(1408, 6); // gate of the 6 selected experts
        assertThat(experts.gridX()).isEqualTo(352);
        assertThat(experts.gridY()).isEqualTo(6);
        assertThat(experts.threads()).isEqualTo(1408L * 32 * 6);
    }

    @Test
    void attentionLaunchesFitCudaLimitsForCoderV2() {
        LaunchGeometry scores = LaunchGeometry.mlaScores(4096, 1, 16, 576);
        assertThat(scores.sharedBytes()).isEqualTo(16 * 576 * 4).isLessThanOrEqualTo(48 * 1024);
        assertThat(scores.gridX()).isEqualTo(512);
        LaunchGeometry big = LaunchGeometry.mlaScores(4096, 1, 128, 576); // Coder-V2 (236B): 128 heads in 8 chunks
        assertThat(big.gridZ()).isEqualTo(8);
        LaunchGeometry mix = LaunchGeometry.mlaMixPartial(512, 16, 4096, 256);
        assertThat(mix.gridX()).isEqualTo(4);
        assertThat(mix.gridY()).isEqualTo(16);
        assertThat(mix.gridZ()).isEqualTo(256);
    }

    @Test
    void rejectsLaunchesCudaWouldRefuse() {
        assertThatThrownBy(() -> LaunchGeometry.matvec(10, 70000)).hasMessageContaining("65535");
        assertThatThrownBy(() -> new LaunchGeometry(1, 1, 1, 1024, 2, 1, 0)).hasMessageContaining("1024");
        assertThatThrownBy(() -> LaunchGeometry.moeRoute(1, 300)).hasMessageContaining("256");
        assertThatThrownBy(() -> LaunchGeometry.mlaScores(64, 1, 16, 1024)).hasMessageContaining("48 KiB");
    }

    @Test
    void latentCacheHolds576FloatsPerTokenPerLayer() {
        LatentCacheLayout l = new LatentCacheLayout(LITE.layers(), 4096, LITE.cacheWidth());
        assertThat(LITE.cacheWidth()).isEqualTo(576);
        assertThat(l.bytesPerToken()).isEqualTo(27L * 576 * 4);
        assertThat(l.totalBytes()).isEqualTo(27L * 4096 * 576 * 4);
        assertThat(l.offset(0, 0)).isZero();
        assertThat(l.offset(1, 0)).isEqualTo(4096L * 576 * 4);
        assertThat(l.offset(2, 3)).isEqualTo(2L * 4096 * 576 * 4 + 3L * 576 * 4);
        assertThatThrownBy(() -> l.offset(27, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> l.offset(0, 4096)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void decodeWorkspaceOfCoderV2LiteHasTheShapesOfOneToken() {
        DeviceWorkspace w = DeviceWorkspace.of(LITE, 1, 4096);
        assertThat(w.query()).isEqualTo(16 * 192);
        assertThat(w.qcat()).isEqualTo(16 * 576);
        assertThat(w.scores()).isEqualTo(16 * 4096);
        assertThat(w.partial()).isEqualTo(16L * 16 * 512); // 4096 / 256 splits
        assertThat(w.ffn()).isEqualTo(6 * 10944); // the dense layer's width bounds the buffer
        assertThat(w.slots()).isEqualTo(6 * 2048);
        assertThat(w.vocabulary()).isEqualTo(102400);
        assertThat(w.totalBytes()).isLessThan(128L << 20);
    }

    @Test
    void prefillBatchShrinksWithTheContextToFitTheBudget() {
        long budget = 2L << 30;
        int short4k = DeviceWorkspace.prefillBatch(LITE, 4096, 256, budget);
        int long64k = DeviceWorkspace.prefillBatch(LITE, 65536, 256, budget);
        assertThat(short4k).isEqualTo(256);
        assertThat(long64k).isLessThan(short4k).isPositive();
        assertThat(DeviceWorkspace.of(LITE, long64k, 65536).totalBytes()).isLessThanOrEqualTo(budget);
        assertThat(DeviceWorkspace.of(LITE, long64k + 1, 65536).totalBytes()).isGreaterThan(budget);
        assertThatThrownBy(() -> DeviceWorkspace.prefillBatch(LITE, 163840, 256, 64L << 20))
                .hasMessageContaining("shorter context");
    }

    @Test
    void cubinCacheDefaultsUnderTheUsersCacheDirectory() {
        Path d = CubinCache.defaultDirectory();
        assertThat(d.toString()).endsWith(System.getenv("SEEKFIX_DATA_DIR") != null ? "cuda-cache" : "cuda");
    }
}
