package dev.seekfix.webhooks.server;

/** One thing {@code /readyz} asks about (database, scheduler, and what other modules add, such as the model). */
public interface ReadinessCheck {
    String name();

    boolean ready();

    static ReadinessCheck of(String name, java.util.function.BooleanSupplier check) {
        return new ReadinessCheck() {
            @Override
            public String name() { return name; }

            @Override
            public boolean ready() { return check.getAsBoolean(); }
        };
    }
}
