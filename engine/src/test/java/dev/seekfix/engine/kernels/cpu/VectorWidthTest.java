package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's pom runs the kernel checks a second time as an AVX2 machine (`avx2-kernels`, {@code -XX:UseAVX=2});
 * this says that run really had 8-float vectors, and so really tested the 8-lane kernels, and that the default run
 * takes the machine's widest vectors.
 */
class VectorWidthTest {

    @Test
    void theKernelsUseTheVectorWidthTheBuildAskedForOrTheMachinesWidest() {
        String expected = System.getProperty("seekfix.expectedFloatLanes");
        boolean x86 = System.getProperty("os.arch").matches("amd64|x86_64");
        if (expected != null && x86) {
            assertThat(Lanes.FW.length()).as("lanes under -XX:UseAVX=2").isEqualTo(Integer.parseInt(expected));
        } else {
            assertThat(Lanes.FW.length()).isEqualTo(Math.max(8, Math.min(16, FloatVector.SPECIES_PREFERRED.length())));
        }
        assertThat(Lanes.WIDE).isEqualTo(Lanes.FW.length() == 16);
    }
}
