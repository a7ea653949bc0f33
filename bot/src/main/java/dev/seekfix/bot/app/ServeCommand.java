package dev.seekfix.bot.app;

import dev.seekfix.webhooks.IntakeSettings;
import dev.seekfix.webhooks.WebhookIntake;
import dev.seekfix.webhooks.queue.LoggingDeliveryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seekfix serve}: the webhook server, the queue workers and the bot, on embedded defaults. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the App server (configuration from SEEKFIX_* environment variables; see README).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private static volatile boolean serving;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() throws Exception {
        IntakeSettings settings = IntakeSettings.fromEnvironment(System.getenv());
        log.info("event=serve.starting settings=\"{}\"", settings);
        WebhookIntake intake = new WebhookIntake(settings, settings::webhookSecret, new LoggingDeliveryHandler(),
                List.of(), List.of(), Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(intake::close, "seekfix-shutdown"));
        serving = true;
        log.info("event=serve.ready url=http://localhost:{}/ data_dir={}", intake.port(), settings.dataDir());
        return 0;
    }
}
