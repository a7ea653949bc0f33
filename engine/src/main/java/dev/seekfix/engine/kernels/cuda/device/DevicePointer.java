package dev.seekfix.engine.kernels.cuda.device;

import org.bytedeco.javacpp.Pointer;

/** A raw address (device memory, or host memory we do not own) for the presets' {@code void*} parameters. */
final class DevicePointer extends Pointer {

    DevicePointer(long address, long bytes) {
        this.address = address;
        this.capacity = bytes;
        this.limit = bytes;
    }
}
