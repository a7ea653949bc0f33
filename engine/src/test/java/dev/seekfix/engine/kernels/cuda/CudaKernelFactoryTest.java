package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.api.Backend;
import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.runtime.KernelBackends;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runtime's backend selection finds the CUDA backend through its service registration. */
class CudaKernelFactoryTest {

    @Test
    void runtimeFindsTheCudaBackendOnTheClassPath() {
        assertThat(KernelBackends.standard().named("cuda")).get().isInstanceOf(CudaKernelFactory.class);
    }

    @Test
    void autoAndCudaFollowTheProbe() {
        KernelBackends backends = KernelBackends.standard();
        switch (CudaBackend.probe()) {
            case CudaAvailability.Unavailable u -> {
                assertThat(backends.select(Backend.AUTO).factory().name()).isEqualTo("cpu");
                assertThat(backends.select(Backend.AUTO).reason()).contains(u.reason());
                assertThatThrownBy(() -> backends.select(Backend.CUDA)).isInstanceOf(EngineException.class)
                        .hasMessageContaining(u.reason());
                assertThatThrownBy(() -> new CudaKernelFactory().open(0)).isInstanceOf(EngineException.class)
                        .hasMessageContaining("--backend cpu");
            }
            case CudaAvailability.Available a -> assertThat(backends.select(Backend.AUTO).factory().name()).isEqualTo("cuda");
        }
    }
}
