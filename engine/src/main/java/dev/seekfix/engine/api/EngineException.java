package dev.seekfix.engine.api;

/** A failure of the engine that the caller can report: bad model file, unusable backend, bad request. */
public class EngineException extends RuntimeException {
    public EngineException(String message) { super(message); }
    public EngineException(String message, Throwable cause) { super(message, cause); }
}
