package dev.seekfix.bot.app;

import dev.seekfix.engine.api.Backend;
import dev.seekfix.engine.api.EngineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seekfix review}: review a local git diff with the configured model and print the findings. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review the changes of a local git repository (base...head, like a pull request) and print findings.")
final class ReviewCommand implements Callable<Integer> {

    @Option(names = "--repo", description = "repository folder (default: .)")
    Path repo = Path.of(".");

    @Option(names = "--base", description = "base ref (default: main)")
    String base = "main";

    @Option(names = "--head", description = "head ref (default: HEAD)")
    String head = "HEAD";

    @Option(names = "--backend", description = "engine backend: ${COMPLETION-CANDIDATES} (default: auto)")
    Backend backend = Backend.AUTO;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(repo.resolve(".git")) && !Files.isRegularFile(repo.resolve(".git"))) {
            System.err.printf("seekfix review: %s is not a git repository; pass --repo DIR%n", repo.toAbsolutePath());
            return 2;
        }
        BotSettings settings = BotSettings.fromEnvironment(System.getenv());
        var model = CodeModels.open(settings, new EngineOptions(backend, 0, 0));
        int findings = new LocalReview(model).run(repo, base, head, System.out);
        return findings >= 0 ? 0 : 1;
    }
}
