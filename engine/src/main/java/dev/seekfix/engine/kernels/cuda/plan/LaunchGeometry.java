package dev.seekfix.engine.kernels.cuda.plan;

/**
 * Grid and block of one kernel launch. The factories hold every kernel's geometry; their constants must equal the
 * {@code #define}s of the .cu files (a test reads them from the sources).
 */
public record LaunchGeometry(int gridX, int gridY, int gridZ, int blockX, int blockY, int blockZ, int sharedBytes) {

    /** Warps per block in matvec.cu ({@code MATVEC_ROWS}): one output row per warp. */
    public static final int MATVEC_ROWS = 4;
    /** mla_attention.cu {@code ATT_WARPS}: key positions per block of mla_scores. */
    public static final int ATT_WARPS = 8;
    /** mla_attention.cu {@code ATT_HEADS}: heads per block. */
    public static final int ATT_HEADS = 16;
    /** mla_attention.cu {@code MIX_THREADS}. */
    public static final int MIX_THREADS = 128;
    /** mla_attention.cu {@code MIX_SPLIT}: key positions per partial sum. */
    public static final int MIX_SPLIT = 256;
    /** moe.cu {@code MOE_MAX_EXPERTS}. */
    public static final int MOE_MAX_EXPERTS = 256;
    /** Threads per block of the row-wise and element-wise kernels. */
    public static final int ROW_THREADS = 256;
    /** CUDA's limit on gridDim.y and gridDim.z. */
    static final int MAX_GRID_YZ = 65535;

    public LaunchGeometry {
        if (gridX < 1 || gridY < 1 || gridZ < 1 || blockX < 1 || blockY < 1 || blockZ < 1) {
            throw new IllegalArgumentException("empty launch: grid " + gridX + "×" + gridY + "×" + gridZ + ", block "
                    + blockX + "×" + blockY + "×" + blockZ);
        }
        if (gridY > MAX_GRID_YZ || gridZ > MAX_GRID_YZ) {
            throw new IllegalArgumentException("grid " + gridX + "×" + gridY + "×" + gridZ + " exceeds CUDA's 65535 in y/z; split the batch");
        }
        if ((long) blockX * blockY * blockZ > 1024) {
            throw new IllegalArgumentException("block " + blockX + "×" + blockY + "×" + blockZ + " exceeds 1024 threads");
        }
        if (sharedBytes < 0 || sharedBytes > 48 * 1024) {
            throw new IllegalArgumentException("dynamic shared memory " + sharedBytes + " B outside 0…48 KiB (no opt-in attribute is set)");
        }
    }

    public long threads() {
        return (long) gridX * gridY * gridZ * blockX * blockY * blockZ;
    }

    static int ceilDiv(long a, long b) {
        return Math.toIntExact((a + b - 1) / b);
    }

    /** matvec_*: one warp per row; {@code outputs} products (tokens, selected experts, heads) in y. */
    public static LaunchGeometry matvec(int rows, int outputs) {
        return new LaunchGeometry(ceilDiv(rows, MATVEC_ROWS), outputs, 1, 32, MATVEC_ROWS, 1, 0);
    }

    /** rmsnorm, softmax_rows, mla_store: one block per row. */
    public static LaunchGeometry perRow(int rows) {
        return new LaunchGeometry(rows, 1, 1, ROW_THREADS, 1, 1, 0);
    }

    /** One thread per element of an n-long vector, {@code count} vectors in y. */
    public static LaunchGeometry elementwise(long n, int count) {
        return new LaunchGeometry(ceilDiv(n, ROW_THREADS), count, 1, ROW_THREADS, 1, 1, 0);
    }

    /** rope_yarn: one block per (token, head), one thread per rotated pair. */
    public static LaunchGeometry ropeYarn(int tokens, int heads, int dims) {
        return new LaunchGeometry(tokens, heads, 1, Math.max(32, dims / 2), 1, 1, 0);
    }

    /** mla_scores: one warp per cached position, queries of {@code ATT_HEADS} heads in shared memory. */
    public static LaunchGeometry mlaScores(int capacity, int tokens, int heads, int width) {
        int hb = Math.min(ATT_HEADS, heads);
        return new LaunchGeometry(ceilDiv(capacity, ATT_WARPS), tokens, ceilDiv(heads, ATT_HEADS), 32, ATT_WARPS, 1,
                ATT_HEADS * width * Float.BYTES * (hb > 0 ? 1 : 0));
    }

    /** Partial sums of the attended latent per {@link #MIX_SPLIT} positions. */
    public static int mixSplits(int capacity) {
        return ceilDiv(capacity, MIX_SPLIT);
    }

    public static LaunchGeometry mlaMixPartial(int rank, int heads, int capacity, int tokens) {
        return new LaunchGeometry(ceilDiv(rank, MIX_THREADS) * ceilDiv(heads, ATT_HEADS), mixSplits(capacity), tokens,
                MIX_THREADS, 1, 1, 0);
    }

    public static LaunchGeometry mlaMixReduce(int heads, int rank, int tokens) {
        return elementwise((long) heads * rank, tokens);
    }

    /** moe_route: one warp per token. */
    public static LaunchGeometry moeRoute(int tokens, int experts) {
        if (experts > MOE_MAX_EXPERTS) {
            throw new IllegalArgumentException(experts + " routed experts exceed the routing kernel's " + MOE_MAX_EXPERTS);
        }
        return new LaunchGeometry(tokens, 1, 1, 32, 1, 1, 0);
    }

    /** dot_rows: one warp per key. */
    public static LaunchGeometry dotRows(int length) {
        return new LaunchGeometry(ceilDiv(length, 8), 1, 1, 32, 8, 1, 0);
    }
}
