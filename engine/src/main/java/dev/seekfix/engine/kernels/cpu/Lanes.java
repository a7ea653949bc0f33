package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The vector shapes every cpu kernel uses (AVX2: 8 floats or ints).
 *
 * <p>The kernels call the Vector API directly and never through small helpers of their own: C2 stops inlining
 * ordinary methods once a compilation has created {@code NodeCountInliningCutoff} (18,000) nodes, which a few dozen
 * Vector API calls reach, and a helper left out-of-line boxes every vector it takes or returns (a heap allocation per
 * call, 10–50× slower). The Vector API's own methods are {@code @ForceInline} and exempt.
 */
final class Lanes {

    static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
    static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LE);

    private Lanes() {
    }
}
