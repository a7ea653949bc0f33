package dev.seekfix.engine.api;

/** Who speaks a chat message. */
public enum Role { SYSTEM, USER, ASSISTANT }
