package dev.seekfix.engine.runtime.files;

/** Hears how far writing a model file has come: {@code done} of {@code total} tensor bytes. */
@FunctionalInterface
public interface WriteProgress {

    void written(long done, long total);

    WriteProgress SILENT = (done, total) -> { };
}
