package dev.seekfix.engine.api;

/** Which kernels run the model. {@code AUTO} picks CUDA when a device is usable, else CPU, and says which. */
public enum Backend { AUTO, CPU, CUDA, SCALAR }
