package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.api.Backend;
import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.model.CausalModel;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendChoiceTest {

    private static final CudaAvailability NONE = new CudaAvailability.Unavailable("libcuda.so.1: cannot open shared object file");
    private static final CudaAvailability H200 = new CudaAvailability.Available(
            new CudaDevice(0, "NVIDIA H200", 150_000_000_000L, 149_000_000_000L, 9, 0, 132, 13000, 13000),
            new CudaFactory() {
                @Override
                public Kernels kernels() { throw new UnsupportedOperationException(); }

                @Override
                public CausalModel deepSeek2(GgufFile file, int contextLength) { throw new UnsupportedOperationException(); }
            });

    private static Supplier<CudaAvailability> mustNotProbe() {
        return () -> { throw new AssertionError("the CUDA probe must not run for this backend"); };
    }

    @Test
    void cudaRequestedWithoutADeviceFailsWithTheReasonAndWhatToDo() {
        assertThatThrownBy(() -> BackendChoice.choose(Backend.CUDA, () -> NONE))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("--backend cuda")
                .hasMessageContaining("libcuda.so.1")
                .hasMessageContaining("--backend cpu");
    }

    @Test
    void autoFallsBackToCpuAndSaysWhy() {
        BackendChoice c = BackendChoice.choose(Backend.AUTO, () -> NONE);
        assertThat(c).isInstanceOf(BackendChoice.Cpu.class);
        assertThat(c.reason()).contains("auto chose cpu").contains("libcuda.so.1");
    }

    @Test
    void autoPicksCudaWhenADeviceIsUsableAndNamesIt() {
        BackendChoice c = BackendChoice.choose(Backend.AUTO, () -> H200);
        assertThat(c).isInstanceOf(BackendChoice.Cuda.class);
        assertThat(c.reason()).contains("auto chose cuda").contains("NVIDIA H200").contains("sm_90");
    }

    @Test
    void cudaRequestedWithADeviceUsesIt() {
        assertThat(BackendChoice.choose(Backend.CUDA, () -> H200)).isInstanceOf(BackendChoice.Cuda.class);
    }

    @Test
    void cpuAndScalarNeverLoadCuda() {
        assertThat(BackendChoice.choose(Backend.CPU, mustNotProbe())).isInstanceOf(BackendChoice.Cpu.class);
        assertThat(BackendChoice.choose(Backend.SCALAR, mustNotProbe())).isInstanceOf(BackendChoice.Scalar.class);
    }

    @Test
    void describesTheDeviceForTheLog() {
        assertThat(H200.describe()).isEqualTo("cuda:0 NVIDIA H200, 139.7 GiB (138.8 free), compute 9.0 (sm_90), 132 SMs, "
                + "driver 13.0, runtime 13.0");
    }
}
