package dev.seekfix.engine.api;

/** The model file is not a usable GGUF: wrong magic, truncated, bad offsets, unsupported type or architecture. */
public final class ModelFormatException extends EngineException {
    public ModelFormatException(String message) { super(message); }
    public ModelFormatException(String message, Throwable cause) { super(message, cause); }
}
