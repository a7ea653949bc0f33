package dev.seekfix.engine.kernels.cuda.device;

import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.Pointer;

/** One cudaMalloc allocation. Close it to free it; views ({@link #at}) share it and are never freed themselves. */
public final class DeviceBuffer implements AutoCloseable {

    private final long address;
    private final long bytes;
    private boolean freed;

    private DeviceBuffer(long address, long bytes) {
        this.address = address;
        this.bytes = bytes;
    }

    static DeviceBuffer allocate(long bytes, String what) {
        Pointer p = new Pointer();
        CudaCheck.runtime(cudart.cudaMalloc(p, Math.max(bytes, 1)), "cudaMalloc(" + bytes + " B for " + what + ")");
        return new DeviceBuffer(p.address(), bytes);
    }

    public long address() { return address; }

    public long bytes() { return bytes; }

    /** The device address {@code offset} bytes in, checked against the allocation. */
    public long at(long offset) {
        if (offset < 0 || offset > bytes) throw new IndexOutOfBoundsException("offset " + offset + " outside " + bytes + " B");
        return address + offset;
    }

    Pointer pointer(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > bytes) {
            throw new IndexOutOfBoundsException(length + " B at " + offset + " outside " + bytes + " B");
        }
        return new DevicePointer(address + offset, length);
    }

    @Override
    public void close() {
        if (!freed) {
            freed = true;
            cudart.cudaFree(new DevicePointer(address, bytes));
        }
    }
}
