package dev.seekfix.webhooks.queue;

import java.util.function.Supplier;

/** The queue, as jobs reach it: created after the job factory that needs it, so handed over late. */
public final class DeliveryQueueRef implements Supplier<DeliveryQueue> {
    private volatile DeliveryQueue queue;

    public void set(DeliveryQueue queue) {
        this.queue = queue;
    }

    @Override
    public DeliveryQueue get() {
        DeliveryQueue current = queue;
        if (current == null) throw new IllegalStateException("the delivery queue is not started yet");
        return current;
    }
}
