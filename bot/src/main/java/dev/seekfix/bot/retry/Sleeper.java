package dev.seekfix.bot.retry;

import java.time.Duration;

/** Waits; injected so that tests of rate limits and retries record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration);
}
