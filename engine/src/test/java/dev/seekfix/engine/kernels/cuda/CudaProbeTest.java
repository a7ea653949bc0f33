package dev.seekfix.engine.kernels.cuda;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CudaProbeTest {

    @Test
    void reportsNoDeviceOrADeviceWithoutThrowingAnError() {
        CudaAvailability a = CudaBackend.probe();
        switch (a) {
            case CudaAvailability.Unavailable u -> {
                assertThat(u.reason()).isNotBlank();
                assertThat(a.describe()).startsWith("no device: ");
                System.out.println("CUDA probe on this machine: " + a.describe());
            }
            case CudaAvailability.Available ok -> {
                assertThat(ok.device().name()).isNotBlank();
                assertThat(ok.device().arch()).matches("sm_\\d\\d");
                assertThat(ok.device().totalMemoryBytes()).isPositive();
            }
        }
    }

    @Test
    void answersTheSameAfterTheFirstProbe() {
        assertThat(CudaBackend.probe()).isSameAs(CudaBackend.probe());
    }

    @Test
    void turnsAMissingDriverIntoUnavailableWithTheLibraryName() {
        CudaProbe probe = new CudaProbe(() -> {
            throw new UnsatisfiedLinkError("/tmp/javacpp/libjnicudart.so: libcuda.so.1: cannot open shared object file");
        });
        CudaAvailability a = probe.result();
        assertThat(a).isInstanceOf(CudaAvailability.Unavailable.class);
        assertThat(a.describe()).startsWith("no device: ").contains("libcuda.so.1").contains("--backend cpu");
    }

    @Test
    void turnsAPoisonedClassIntoUnavailable() {
        CudaProbe probe = new CudaProbe(() -> {
            throw new NoClassDefFoundError("Could not initialize class org.bytedeco.cuda.global.cudart");
        });
        assertThat(probe.result().describe()).contains("NoClassDefFoundError").contains("cudart");
    }

    @Test
    void queriesTheDriverOnlyOnceEvenWhenItFails() {
        AtomicInteger calls = new AtomicInteger();
        CudaProbe probe = new CudaProbe(() -> {
            calls.incrementAndGet();
            throw new UnsatisfiedLinkError("no libcuda");
        });
        CudaAvailability first = probe.result();
        assertThat(probe.result()).isSameAs(first);
        assertThat(probe.result()).isSameAs(first);
        assertThat(calls).hasValue(1);
    }

    @Test
    void letsErrorsOfTheJvmItselfPropagate() {
        CudaProbe probe = new CudaProbe(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertThatThrownBy(probe::result).isInstanceOf(OutOfMemoryError.class);
    }
}
