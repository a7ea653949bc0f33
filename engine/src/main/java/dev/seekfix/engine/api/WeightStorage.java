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
     * process's own. The kernels read it faster than mapped file pages where the page cache holds the file in 4 KB pages
     * (~18% on the VM in BENCHMARKS.md); with 2 MB page-cache folios the two run alike.
     */
    IN_MEMORY
}
