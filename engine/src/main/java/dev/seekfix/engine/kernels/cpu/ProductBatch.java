package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.kernels.ActivationQuantizer;
import dev.seekfix.engine.kernels.Product;
import dev.seekfix.engine.kernels.QuantizedActivations;
import dev.seekfix.engine.kernels.VecDotType;
import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.kernels.scalar.ScalarDot;
import dev.seekfix.engine.tensor.GgmlType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The products of one {@link CpuKernels#matmulEach} call as one pool job: their rows are cut into pieces of whole
 * 16-row groups (the same granularity as {@code matmul}'s chunks) that never span two products, of about equal work
 * and about eight per thread over all products together, so small products share a hand-off instead of paying one
 * each. Each distinct
 * input (array, offset, length, weight type) is rounded once before the job: an expert's gate and up, and usually
 * every expert of a layer, read the same vector.
 */
final class ProductBatch implements RowPool.RowRange {

    private static final int ROW_GROUP = 16;

    /** An input slice as rounded for one weight type; the array is compared by identity. */
    private record Input(float[] x, int offset, int cols, GgmlType type) {
    }

    private final Product[] products;
    private final PreparedActivations[] prepared; // [products]; null for types without vector kernels
    private final QuantizedActivations[] rounded;  // [products]; the scalar fallback's operand, null otherwise
    private final int[] pieceProduct, pieceFrom, pieceTo; // [pieces]
    private final long work;

    private ProductBatch(Product[] products, PreparedActivations[] prepared, QuantizedActivations[] rounded,
                         int[] pieceProduct, int[] pieceFrom, int[] pieceTo, long work) {
        this.products = products;
        this.prepared = prepared;
        this.rounded = rounded;
        this.pieceProduct = pieceProduct;
        this.pieceFrom = pieceFrom;
        this.pieceTo = pieceTo;
        this.work = work;
    }

    static ProductBatch of(List<Product> list, int threads) {
        Product[] products = list.toArray(Product[]::new);
        int n = products.length;
        PreparedActivations[] prepared = new PreparedActivations[n];
        QuantizedActivations[] rounded = new QuantizedActivations[n];
        Map<Input, PreparedActivations> preparedByInput = new HashMap<>();
        Map<Input, QuantizedActivations> roundedByInput = new HashMap<>();
        long work = 0;
        for (int i = 0; i < n; i++) {
            WeightMatrix w = products[i].w();
            Input in = new Input(products[i].x(), products[i].xOffset(), w.cols(), w.type());
            if (WeightRows.supports(w.type())) {
                prepared[i] = preparedByInput.computeIfAbsent(in,
                        key -> PreparedActivations.of(key.type(), round(key), true, false));
            } else {
                rounded[i] = roundedByInput.computeIfAbsent(in, ProductBatch::round);
            }
            work += (long) w.rows() * w.cols();
        }
        // pieces of about equal work (multiply-adds), about 8 per thread in all, each a multiple of the row group: a
        // product with longer rows (the shared experts' down, twice an expert's columns) gets shorter pieces, so the
        // last piece claimed is never one that leaves the other threads waiting for twice the usual time
        long perPiece = Math.max(1, (work + 8L * threads - 1) / (8L * threads));
        int[] target = new int[n]; // rows per piece of each product
        int pieces = 0;
        for (int i = 0; i < n; i++) {
            WeightMatrix w = products[i].w();
            long rowsForWork = Math.max(1, perPiece / w.cols());
            target[i] = (int) Math.min(w.rows(), Math.max(ROW_GROUP, (rowsForWork + ROW_GROUP / 2) / ROW_GROUP * ROW_GROUP));
            pieces += (w.rows() + target[i] - 1) / target[i];
        }
        int[] pieceProduct = new int[pieces], pieceFrom = new int[pieces], pieceTo = new int[pieces];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int r = products[i].w().rows();
            for (int from = 0; from < r; from += target[i], k++) {
                pieceProduct[k] = i;
                pieceFrom[k] = from;
                pieceTo[k] = Math.min(r, from + target[i]);
            }
        }
        return new ProductBatch(products, prepared, rounded, pieceProduct, pieceFrom, pieceTo, work);
    }

    private static QuantizedActivations round(Input in) {
        float[] x = Arrays.copyOfRange(in.x(), in.offset(), in.offset() + in.cols()); // [cols]
        return ActivationQuantizer.quantize(VecDotType.of(in.type()), x, 1, in.cols());
    }

    int pieces() { return pieceProduct.length; }

    /** Multiply-adds of all products together, the pool's estimate of whether handing off pays. */
    long work() { return work; }

    /** Runs pieces {@code from … to-1}. */
    @Override
    public void run(int from, int to) {
        for (int k = from; k < to; k++) {
            Product p = products[pieceProduct[k]];
            WeightMatrix w = p.w();
            int first = pieceFrom[k], end = pieceTo[k];
            PreparedActivations a = prepared[pieceProduct[k]];
            if (a != null) {
                WeightRows.dot(w.type(), w.data(), w.rowBytes(), first, end, w.cols(), a, 0, p.out(), p.outOffset());
            } else {
                QuantizedActivations q = rounded[pieceProduct[k]];
                for (int r = first; r < end; r++) p.out()[p.outOffset() + r] = ScalarDot.dot(w, r, q, 0);
            }
        }
    }
}
