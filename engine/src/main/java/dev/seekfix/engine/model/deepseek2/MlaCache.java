package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.model.SequenceCache;

/**
 * The absorbed-MLA cache of one sequence: per layer, per token, the normalised latent {@code c} followed by the
 * roped shared key {@code k_pe} (576 floats for Coder-V2), instead of per-head keys and values.
 */
final class MlaCache implements SequenceCache {

    final float[][] layers; // [layer][capacity][width]
    final int width;
    private final int capacity;
    private int length;

    MlaCache(int layerCount, int capacity, int width) {
        this.capacity = capacity;
        this.width = width;
        this.layers = new float[layerCount][Math.multiplyExact(capacity, width)];
    }

    @Override
    public int length() { return length; }

    @Override
    public int capacity() { return capacity; }

    @Override
    public void truncate(int length) {
        if (length < 0 || length > this.length) {
            throw new IllegalArgumentException("cannot truncate a cache of " + this.length + " tokens to " + length);
        }
        this.length = length;
    }

    void advance(int tokens) {
        length += tokens;
    }
}
