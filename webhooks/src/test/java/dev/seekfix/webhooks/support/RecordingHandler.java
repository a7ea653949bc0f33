package dev.seekfix.webhooks.support;

import dev.seekfix.webhooks.queue.Delivery;
import dev.seekfix.webhooks.queue.DeliveryHandler;
import dev.seekfix.webhooks.queue.Outcome;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Records every delivery it is given; what it answers can be scripted per delivery id. */
public final class RecordingHandler implements DeliveryHandler {

    private final List<Delivery> handled = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Delivery, Outcome>> scripts = new ConcurrentHashMap<>();

    public void script(String deliveryId, Function<Delivery, Outcome> answer) {
        scripts.put(deliveryId, answer);
    }

    @Override
    public Outcome handle(Delivery delivery) {
        handled.add(delivery);
        Function<Delivery, Outcome> script = scripts.get(delivery.id());
        return script == null ? new Outcome.Done("recorded") : script.apply(delivery);
    }

    public List<Delivery> handled() {
        return List.copyOf(handled);
    }

    public List<Delivery> handled(String deliveryId) {
        return handled.stream().filter(d -> d.id().equals(deliveryId)).toList();
    }

    public long distinctIds() {
        return handled.stream().map(Delivery::id).distinct().count();
    }
}
