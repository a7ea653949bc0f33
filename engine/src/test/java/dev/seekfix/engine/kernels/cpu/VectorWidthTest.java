package dev.seekfix.engine.kernels.cpu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The engine's pom runs the kernel checks a second time as an AVX2 machine (`avx2-kernels`, {@code -XX:UseAVX=2});
 * this says that run really had 8-float vectors, and so really tested the 8-lane kernels.
 */
class VectorWidthTest {

    @Test
    void theKernelsUseTheVectorWidthTheBuildAskedFor() {
        String expected = System.getProperty("seekfix.expectedFloatLanes");
        assumeTrue(expected != null, "only the avx2-kernels run asks for a width");
        assumeTrue(System.getProperty("os.arch").matches("amd64|x86_64"), "UseAVX applies to x86 only");
        assertThat(Lanes.FW.length()).isEqualTo(Integer.parseInt(expected));
        assertThat(Lanes.WIDE).isEqualTo(Lanes.FW.length() == 16);
    }
}
