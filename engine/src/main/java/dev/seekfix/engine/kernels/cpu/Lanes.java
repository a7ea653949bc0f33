package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The vector shapes the cpu kernels use. {@link #F}/{@link #I} are fixed at AVX2's 8 lanes (the lane-order kernels
 * and the tile GEMM are written for them); {@link #FW}/{@link #BW} are the machine's widest float vector (16 lanes on
 * AVX-512, 8 on AVX2) and the byte vector with as many lanes, for the kernels that widen bytes to floats in natural
 * order: on AVX-512 each widening instruction then handles 16 weights instead of 8.
 *
 * <p>The kernels call the Vector API directly and never through small helpers of their own: C2 stops inlining
 * ordinary methods once a compilation has created {@code NodeCountInliningCutoff} (18,000) nodes, which a few dozen
 * Vector API calls reach, and a helper left out-of-line boxes every vector it takes or returns (a heap allocation per
 * call, 10–50× slower). The Vector API's own methods are {@code @ForceInline} and exempt.
 */
final class Lanes {

    static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    /** The widest float species this machine runs natively (at least 8 lanes: 32 is a multiple of it). */
    static final VectorSpecies<Float> FW = FloatVector.SPECIES_PREFERRED.length() >= 16
            ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
    /**
     * Whether {@link #FW} has 16 lanes: the kernels written for AVX-512 ({@link Q6_KWideRows}, {@link NibblePairRows},
     * {@link Q4_KRows}' one scale-and-min vector) and their {@link LaneOrder}s apply.
     */
    static final boolean WIDE = FW.length() == 16;
    /** Bytes, as many lanes as {@link #FW}: 16 bytes (AVX-512) or 8 (AVX2) per widening load. */
    static final VectorSpecies<Byte> BW = VectorSpecies.of(byte.class, VectorShape.forBitSize(FW.length() * 8));
    /** Ints, as many lanes as {@link #FW}. */
    static final VectorSpecies<Integer> IW = FW.withLanes(int.class);
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
    static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LE);

    private Lanes() {
    }
}
