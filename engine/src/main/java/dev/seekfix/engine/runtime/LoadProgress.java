package dev.seekfix.engine.runtime;

/** Hears how loading a model goes (the CLI draws it on stderr; the server logs it). */
public interface LoadProgress {

    /** A step begins, e.g. "mapping model.gguf (8.9 GB)". */
    void step(String description);

    /** Warm-up progress: {@code done} of {@code total} bytes of weights touched. */
    void warming(long done, long total);

    LoadProgress SILENT = new LoadProgress() {
        @Override public void step(String description) { }
        @Override public void warming(long done, long total) { }
    };
}
