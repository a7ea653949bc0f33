package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.api.EngineException;

/** A CUDA, NVRTC or cuBLAS call that returned an error code. */
public final class CudaException extends EngineException {
    public CudaException(String message) { super(message); }
}
