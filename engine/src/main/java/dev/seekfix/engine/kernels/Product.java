package dev.seekfix.engine.kernels;

import java.util.Objects;

/**
 * One of several independent single-token matrix-vector products run together by {@link Kernels#matmulEach}:
 * {@code out[outOffset + r] = Σ_c w[r][c] · x[xOffset + c]} for {@code r < w.rows}. Offsets let the products read
 * one head's slice of a query or write one expert's slice of a shared output without copies.
 *
 * @param x   reads [w.cols] from {@code xOffset}
 * @param out writes [w.rows] from {@code outOffset}
 */
public record Product(WeightMatrix w, float[] x, int xOffset, float[] out, int outOffset) {

    public Product {
        Objects.requireNonNull(w, "w");
        Objects.checkFromIndexSize(xOffset, w.cols(), x.length);
        Objects.checkFromIndexSize(outOffset, w.rows(), out.length);
    }
}
