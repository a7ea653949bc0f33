package dev.seekfix.engine.api;

/** Where a model's weights live while it runs. */
public enum WeightStorage {
    /**
     * Mapped from the file (the default, as llama.cpp's): loading is instant, the pages are shared with the page cache
     * and the kernel may drop cold ones.
     */
    MAPPED,
    /**
     * Read into process memory at load (llama.cpp's {@code --no-mmap}): loading reads the whole file, the memory is the
     * process's own. On the machines in BENCHMARKS.md the kernels read it ~18% faster than mapped file pages.
     */
    IN_MEMORY
}
