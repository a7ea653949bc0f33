package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.kernels.cuda.model.ModelTensors;
import dev.seekfix.engine.model.deepseek2.RopeParams;
import dev.seekfix.engine.kernels.cuda.plan.WeightUploadPlan;
import dev.seekfix.engine.kernels.cuda.plan.WeightUploadPlan.TensorSpec;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What goes to the device, in which type, where: checked on the fixture files and on Coder-V2-Lite's shapes. */
class WeightUploadPlanTest {

    @Test
    void keepsTypesWithDeviceKernelsAndWidensTheRest() {
        WeightUploadPlan p = WeightUploadPlan.of(List.of(
                new TensorSpec("norm", GgmlType.F32, 2048, 1),
                new TensorSpec("q8", GgmlType.Q8_0, 2048, 3072),
                new TensorSpec("q4k", GgmlType.Q4_K, 2048, 1408),
                new TensorSpec("q6k", GgmlType.Q6_K, 2048, 102400),
                new TensorSpec("q50", GgmlType.Q5_0, 128, 512),
                new TensorSpec("q51", GgmlType.Q5_1, 64, 128),
                new TensorSpec("q40", GgmlType.Q4_0, 64, 128),
                new TensorSpec("bf16", GgmlType.BF16, 2048, 64),
                new TensorSpec("f16odd", GgmlType.F16, 7, 3),
                new TensorSpec("f16norm", GgmlType.F16, 512, 1)));
        Map<String, WeightUploadPlan.Entry> e = p.byName();
        assertThat(e.get("q8").deviceType()).isEqualTo(GgmlType.Q8_0);
        assertThat(e.get("q4k").deviceType()).isEqualTo(GgmlType.Q4_K);
        assertThat(e.get("q6k").deviceType()).isEqualTo(GgmlType.Q6_K);
        assertThat(e.get("q50").deviceType()).isEqualTo(GgmlType.Q5_0);
        assertThat(e.get("bf16").deviceType()).isEqualTo(GgmlType.BF16);
        assertThat(e.get("q51").deviceType()).isEqualTo(GgmlType.F16);
        assertThat(e.get("q40").deviceType()).isEqualTo(GgmlType.F16);
        assertThat(e.get("f16odd").deviceType()).isEqualTo(GgmlType.F32);
        assertThat(e.get("f16norm").deviceType()).isEqualTo(GgmlType.F32);
        assertThat(e.get("q8").bytes()).isEqualTo(3072L * 2048 / 32 * 34);
        assertThat(e.get("q6k").bytes()).isEqualTo(102400L * 8 * 210);
        assertThat(e.get("q51").bytes()).isEqualTo(128L * 64 * 2);
        for (WeightUploadPlan.Entry x : p.entries()) {
            assertThat(x.offset() % WeightUploadPlan.ALIGNMENT).as(x.name()).isZero();
        }
        assertThat(p.totalBytes()).isEqualTo(WeightUploadPlan.align(e.get("f16norm").offset() + 512 * 4));
    }

    @Test
    void tensorsDoNotOverlap() {
        WeightUploadPlan p = WeightUploadPlan.of(ModelTensors.of(ModelTensors.coderV2Lite(3)).stream()
                .map(s -> new TensorSpec(s.name(), GgmlType.Q8_0, s.cols(), s.vector() ? 1 : s.totalRows())).toList());
        long end = 0;
        for (WeightUploadPlan.Entry x : p.entries()) {
            assertThat(x.offset()).as(x.name()).isGreaterThanOrEqualTo(end);
            end = x.offset() + x.bytes();
        }
        assertThat(p.totalBytes()).isGreaterThanOrEqualTo(end);
    }

    @Test
    void tensorListMatchesEveryFixtureModelExactly() {
        for (String model : List.of("ds2-micro-mla-F32.gguf", "ds2-micro-mla-Q4_K_M.gguf", "ds2-k256-mla-Q4_K_M.gguf")) {
            try (GgufFile f = GgufFile.open(Fixtures.model(model))) {
                DeepSeek2Config c = DeepSeek2Config.from(f.metadata(), Math.toIntExact(f.tensor("token_embd.weight").ne(1)));
                Map<String, String> expected = ModelTensors.of(c).stream().collect(Collectors.toMap(ModelTensors.Shape::name,
                        s -> Arrays.toString(s.vector() ? new long[]{s.cols()} : s.count() == 1 ? new long[]{s.cols(), s.rows()}
                                : new long[]{s.cols(), s.rows(), s.count()})));
                Map<String, String> actual = f.tensors().stream().collect(Collectors.toMap(GgufTensorInfo::name,
                        t -> Arrays.toString(t.shape())));
                assertThat(actual).as(model).isEqualTo(expected);
            }
        }
    }

    @Test
    void q4kmFixtureUploadsQuantizedTensorsAsTheyAreAndWidensQ5_1() {
        try (GgufFile f = GgufFile.open(Fixtures.model("ds2-micro-mla-Q4_K_M.gguf"))) {
            WeightUploadPlan p = WeightUploadPlan.of(f.tensors().stream().map(t -> new TensorSpec(t.name(), t.type(), t.ne(0),
                    t.dimensions() == 1 ? 1 : t.ne(1) * (t.dimensions() == 3 ? t.ne(2) : 1))).toList());
            Map<String, WeightUploadPlan.Entry> e = p.byName();
            assertThat(e.get("blk.0.ffn_down.weight").deviceType()).isEqualTo(GgmlType.Q4_K);
            assertThat(e.get("blk.1.attn_output.weight").fileType()).isEqualTo(GgmlType.Q5_1);
            assertThat(e.get("blk.1.attn_output.weight").deviceType()).isEqualTo(GgmlType.F16);
            assertThat(e.get("output.weight").deviceType()).isEqualTo(GgmlType.Q8_0);
            assertThat(e.get("blk.1.ffn_up_exps.weight").deviceType()).isEqualTo(GgmlType.Q5_0);
            long fileBytes = f.tensors().stream().mapToLong(GgufTensorInfo::byteSize).sum();
            assertThat(p.bytesKeptAsIs()).isLessThan(fileBytes);
            assertThat(p.totalBytes()).isBetween(fileBytes, fileBytes + 256L * f.tensors().size() + 64 * 128 * 2 * 3);
        }
    }

    @Test
    void coderV2LiteHas16BillionWeightsOf2Point4BillionActive() {
        DeepSeek2Config lite = ModelTensors.coderV2Lite(27);
        long total = ModelTensors.of(lite).stream().mapToLong(ModelTensors.Shape::elements).sum();
        assertThat(total / 1e9).isCloseTo(15.7, within(0.1));
        assertThat(ModelTensors.activeElementsPerToken(lite) / 1e9).isBetween(2.2, 2.7);
    }

    @Test
    void ropeCorrectionDimsMatchTheFixtureReadme() {
        // fixture README §5: [1, 3] for dr = 8, [5, 12] for dr = 32; magnitude 1 because mscale cancels
        RopeParams micro = RopeParams.of(withRope(8));
        assertThat(micro.corrLow()).isEqualTo(1f);
        assertThat(micro.corrHigh()).isEqualTo(3f);
        RopeParams k256 = RopeParams.of(withRope(32));
        assertThat(k256.corrLow()).isEqualTo(5f);
        assertThat(k256.corrHigh()).isEqualTo(12f);
        assertThat(k256.mscale()).isCloseTo(1f, within(1e-6f));
        assertThat(k256.freqScale()).isEqualTo(1f / 40);
    }

    private static DeepSeek2Config withRope(int dr) {
        DeepSeek2Config l = ModelTensors.coderV2Lite(1);
        return new DeepSeek2Config(l.layers(), l.hidden(), l.heads(), l.vocabularySize(), l.contextLength(), l.qLoraRank(),
                l.kvLoraRank(), l.qkNopeDim(), dr, l.vHeadDim(), true, l.denseLayers(), l.denseFfn(), l.experts(),
                l.expertsUsed(), l.sharedExperts(), l.expertFfn(), l.expertWeightsScale(), l.expertWeightsNorm(),
                l.expertGroupCount(), l.expertGroupsUsed(), l.ropeBase(), l.ropeScalingFactor(), l.ropeOriginalContext(),
                l.yarnBetaFast(), l.yarnBetaSlow(), l.yarnLogMultiplier(), l.rmsEps());
    }
}
