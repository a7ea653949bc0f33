package dev.seekfix.webhooks;

import dev.seekfix.webhooks.queue.LoggingDeliveryHandler;

/** Runs the intake alone with the logging handler (the bot's {@code serve} runs it with the bot's handler). */
public final class IntakeMain {

    private IntakeMain() {
    }

    public static void main(String[] args) throws Exception {
        IntakeSettings settings = IntakeSettings.fromEnvironment(System.getenv());
        WebhookIntake intake = new WebhookIntake(settings, new LoggingDeliveryHandler()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(intake::close, "seekfix-shutdown"));
    }
}
