package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuantMixTest {

    @ParameterizedTest
    @ValueSource(strings = {"ds2-micro-mla-Q4_K_M.gguf", "ds2-k256-mla-Q4_K_M.gguf", "ds2-micro-mla-Q8_0.gguf"})
    void choosesTheTypesLlamaQuantizeChoseForTheFixtures(String fixture) {
        try (GgufFile f = GgufFile.open(Fixtures.model(fixture))) {
            FileType type = fixture.contains("Q4_K_M") ? FileType.Q4_K_M : FileType.Q8_0;
            QuantMix mix = new QuantMix(type, f.metadata().getInt("deepseek2.block_count"),
                    f.metadata().getInt("deepseek2.expert_count"));
            for (GgufTensorInfo t : f.tensors()) {
                assertThat(mix.typeOf(t.name(), t.shape())).as(t.name()).isEqualTo(t.type());
            }
        }
    }

    @Test
    void coderV2LiteFallsBackWhereRowsAreNotMultiplesOf256() {
        QuantMix mix = new QuantMix(FileType.Q4_K_M, 27, 64);
        assertThat(mix.typeOf("blk.3.attn_k_b.weight", new long[] {128, 512, 16})).isEqualTo(GgmlType.Q5_0);
        assertThat(mix.typeOf("blk.3.ffn_down_exps.weight", new long[] {1408, 2048, 64})).isEqualTo(GgmlType.Q5_0);
        assertThat(mix.typeOf("blk.2.ffn_down_exps.weight", new long[] {1408, 2048, 64})).isEqualTo(GgmlType.Q8_0);
        assertThat(mix.typeOf("blk.3.ffn_gate_exps.weight", new long[] {2048, 1408, 64})).isEqualTo(GgmlType.Q4_K);
        assertThat(mix.typeOf("output.weight", new long[] {2048, 102400})).isEqualTo(GgmlType.Q6_K);
        assertThat(mix.typeOf("blk.3.ffn_gate_inp.weight", new long[] {2048, 64})).isEqualTo(GgmlType.F32);
    }
}
