package dev.seekfix.bot.app;

import dev.seekfix.bot.fix.CiAutoFix;
import dev.seekfix.bot.fix.FixServerSettings;
import dev.seekfix.bot.github.RateLimitPolicy;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.retry.Sleeper;
import dev.seekfix.engine.api.Backend;
import dev.seekfix.engine.api.EngineOptions;
import dev.seekfix.webhooks.IntakeSettings;
import dev.seekfix.webhooks.WebhookIntake;
import dev.seekfix.webhooks.db.Database;
import dev.seekfix.webhooks.db.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seekfix serve}: the webhook server, the queue workers and the bot, on embedded defaults. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the App server (configuration from SEEKFIX_* environment variables; see README).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private static volatile boolean serving;

    @Option(names = "--backend", description = "engine backend for GGUF models: ${COMPLETION-CANDIDATES} (default: auto)")
    Backend backend = Backend.AUTO;

    @Option(names = "--threads", description = "engine CPU threads (default: one per core)")
    int threads = 0;

    @Option(names = "--no-mmap", description = "read a GGUF model's weights into memory instead of mapping the file")
    boolean noMmap;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() throws Exception {
        IntakeSettings intakeSettings = IntakeSettings.fromEnvironment(System.getenv());
        BotSettings botSettings = BotSettings.fromEnvironment(System.getenv());
        log.info("event=serve.starting settings=\"{}\"", intakeSettings);
        Files.createDirectories(intakeSettings.dataDir());

        // One database for the queue and the bot's own tables; the intake's schema first, then the bot's.
        Database database = WebhookIntake.openDatabase(intakeSettings);
        new SchemaMigrations(database).migrate();
        new dev.seekfix.bot.db.BotSchemaMigrations(database.dataSource()).migrate();

        CodeModel model = CodeModels.open(botSettings, new EngineOptions(backend, threads, 0,
                noMmap ? dev.seekfix.engine.api.WeightStorage.IN_MEMORY : dev.seekfix.engine.api.WeightStorage.MAPPED));
        Clock clock = Clock.systemUTC();
        FixServerSettings fixSettings = FixServerSettings.fromEnvironment(System.getenv(), botSettings.dataDir());
        BotAssembly bot = new BotAssembly(botSettings, model,
                services -> CiAutoFix.create(services.github(), services.model(), services.prompts(), services.json(),
                        services.clock(), database.dataSource(), botSettings.githubWebUrl(), fixSettings),
                clock, Sleeper.REAL, RateLimitPolicy.defaults());

        WebhookIntake intake = new WebhookIntake(intakeSettings, database, bot.webhookSecret(), bot.handler(),
                bot.routes(), List.of(), clock).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            intake.close();
            database.close();
        }, "seekfix-shutdown"));
        serving = true;
        log.info("event=serve.ready url=http://localhost:{}/ setup=http://localhost:{}/setup data_dir={} model=\"{}\" app_configured={}",
                intake.port(), intake.port(), intakeSettings.dataDir(), model.label(), bot.webhookSecret().get().isPresent());
        return 0;
    }
}
