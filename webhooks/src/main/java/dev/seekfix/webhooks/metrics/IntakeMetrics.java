package dev.seekfix.webhooks.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.Supplier;

/** The intake's meters, named once here (Prometheus names get {@code _total}/{@code _seconds} suffixes). */
public final class IntakeMetrics {

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String event) {
        Counter.builder("seekfix.deliveries.received").description("Webhook deliveries accepted and queued")
                .tag("event", event).register(registry).increment();
    }

    public void rejected(String reason) {
        Counter.builder("seekfix.deliveries.rejected").description("Webhook requests refused, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    public void duplicate() {
        Counter.builder("seekfix.deliveries.duplicate").description("Redeliveries of a delivery id already stored")
                .register(registry).increment();
    }

    public void jobFinished(String outcome, Duration duration) {
        Timer.builder("seekfix.jobs").description("Delivery jobs by outcome")
                .tag("outcome", outcome).register(registry).record(duration);
    }

    /** Deliveries stored and not finished (queued, running or waiting to retry). */
    public void queueDepth(Supplier<Number> depth) {
        Gauge.builder("seekfix.queue.depth", depth).description("Deliveries queued, running or awaiting a retry")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
