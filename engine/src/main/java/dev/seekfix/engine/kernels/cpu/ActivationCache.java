package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.kernels.ActivationQuantizer;
import dev.seekfix.engine.kernels.QuantizedActivations;
import dev.seekfix.engine.kernels.VecDotType;
import dev.seekfix.engine.tensor.GgmlType;

import java.util.Arrays;

/**
 * Rounds and lays out the activations of a product, remembering the last result: a layer multiplies the same input
 * by several matrices of one type (gate and up, every chosen expert, the shared experts), and comparing the input with
 * a copy costs far less than rounding it again.
 */
final class ActivationCache {

    private record Entry(GgmlType type, boolean tiled, int tokens, int cols, float[] input, PreparedActivations prepared) {
    }

    private Entry last;

    PreparedActivations prepare(GgmlType type, float[] x, int tokens, int cols, boolean tiled) {
        int n = tokens * cols;
        Entry e = last;
        if (e != null && e.type == type && e.tiled == tiled && e.tokens == tokens && e.cols == cols
                && Arrays.equals(e.input, 0, n, x, 0, n)) {
            return e.prepared;
        }
        QuantizedActivations q = ActivationQuantizer.quantize(VecDotType.of(type), x, tokens, cols);
        PreparedActivations prepared = PreparedActivations.of(type, q, !tiled, tiled);
        last = new Entry(type, tiled, tokens, cols, Arrays.copyOf(x, n), prepared);
        return prepared;
    }
}
