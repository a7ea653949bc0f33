package dev.seekfix.engine.kernels.cuda.plan;

/**
 * The absorbed-MLA cache of one sequence in device memory: per layer, {@code capacity} rows of {@code width} floats
 * ({@code [c_norm (kvLoraRank) | k_pe roped (qkRope)]}, 576 for Coder-V2), layers one after another in one
 * allocation. float32 like the CPU cache, so both backends attend over the same numbers.
 */
public record LatentCacheLayout(int layers, int capacity, int width) {

    public LatentCacheLayout {
        if (layers < 1 || capacity < 1 || width < 1) {
            throw new IllegalArgumentException("cache of " + layers + " layers × " + capacity + " tokens × " + width + " floats");
        }
    }

    public long floatsPerLayer() {
        return (long) capacity * width;
    }

    public long bytesPerLayer() {
        return floatsPerLayer() * Float.BYTES;
    }

    public long totalBytes() {
        return bytesPerLayer() * layers;
    }

    /** Byte offset of the row of {@code position} in {@code layer}. */
    public long offset(int layer, int position) {
        if (layer < 0 || layer >= layers) throw new IndexOutOfBoundsException("layer " + layer + " of " + layers);
        if (position < 0 || position >= capacity) throw new IndexOutOfBoundsException("position " + position + " of " + capacity);
        return layer * bytesPerLayer() + (long) position * width * Float.BYTES;
    }

    /** Bytes one decoded token adds across all layers. */
    public long bytesPerToken() {
        return (long) layers * width * Float.BYTES;
    }
}
