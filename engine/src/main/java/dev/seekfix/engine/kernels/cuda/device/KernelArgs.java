package dev.seekfix.engine.kernels.cuda.device;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The {@code void** kernelParams} of cuLaunchKernel: each argument in an 8-byte slot of native memory, in the order of
 * the kernel's parameters. The driver copies the values at launch (and into the graph node while capturing), so the
 * memory is freed right after the launch call.
 */
public final class KernelArgs implements AutoCloseable {

    private static final int MAX = 24;
    private final BytePointer slots = new BytePointer(8L * MAX);
    private final PointerPointer<?> params = new PointerPointer<>(MAX);
    private int count;

    private long next() {
        if (count == MAX) throw new IllegalStateException("more than " + MAX + " kernel arguments");
        long at = 8L * count;
        params.put(count, new DevicePointer(slots.address() + at, 8));
        count++;
        return at;
    }

    /** A device address (a pointer parameter); 0 passes a null pointer. */
    public KernelArgs ptr(long address) {
        slots.putLong(next(), address);
        return this;
    }

    public KernelArgs i32(int v) {
        slots.putInt(next(), v);
        return this;
    }

    public KernelArgs i64(long v) {
        slots.putLong(next(), v);
        return this;
    }

    public KernelArgs f32(float v) {
        slots.putFloat(next(), v);
        return this;
    }

    PointerPointer<?> params() {
        return params;
    }

    @Override
    public void close() {
        params.close();
        slots.close();
    }
}
