package dev.seekfix.bot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.answers.FindingsParser;
import dev.seekfix.bot.config.RepoConfigLoader;
import dev.seekfix.bot.events.BotHandler;
import dev.seekfix.bot.events.CiFailureFixer;
import dev.seekfix.bot.events.CommandEvents;
import dev.seekfix.bot.events.PullRequestEvents;
import dev.seekfix.bot.events.RoutingTable;
import dev.seekfix.bot.github.AppCredentialsStore;
import dev.seekfix.bot.github.GitHubApp;
import dev.seekfix.bot.github.GitHubRest;
import dev.seekfix.bot.github.InstallationTokens;
import dev.seekfix.bot.github.ManifestConversion;
import dev.seekfix.bot.github.RateLimitPolicy;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.JsonAnswerCheck;
import dev.seekfix.bot.model.RepairingCodeModel;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.retry.Sleeper;
import dev.seekfix.bot.tasks.AnswerTask;
import dev.seekfix.bot.tasks.DescribeTask;
import dev.seekfix.bot.tasks.DocstringTask;
import dev.seekfix.bot.tasks.FixFindingsTask;
import dev.seekfix.bot.tasks.ReviewTask;
import dev.seekfix.webhooks.queue.DeliveryHandler;
import dev.seekfix.webhooks.server.RouteContributor;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wires the bot in one place: settings and a model in; the queue handler, the setup pages and the webhook secret
 * supplier out. {@code Main} builds one and hands {@link #handler()}, {@link #routes()} and
 * {@link #webhookSecret()} to the intake server.
 */
public final class BotAssembly {
    private final AppCredentialsStore credentials;
    private final BotHandler handler;
    private final SetupPages setupPages;
    private final BotServices services;

    public BotAssembly(BotSettings settings, CodeModel model) {
        this(settings, model, services -> CiFailureFixer.NONE, Clock.systemUTC(), Sleeper.REAL, RateLimitPolicy.defaults());
    }

    public BotAssembly(BotSettings settings, CodeModel model, Function<BotServices, CiFailureFixer> ciFixer, Clock clock,
                       Sleeper sleeper, RateLimitPolicy policy) {
        ObjectMapper json = new ObjectMapper();
        this.credentials = new AppCredentialsStore(settings.dataDir(), json, new AppCredentialsStore.Overrides(settings.appId(),
                settings.privateKeyFile(), settings.webhookSecret(), Optional.empty()));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
        GitHubRest rest = new GitHubRest(settings.githubApiUrl(), http, json, policy, sleeper, clock);
        InstallationTokens tokens = new InstallationTokens(credentials::current, settings.githubApiUrl(), clock, policy);
        GitHubApp github = new GitHubApp(rest, tokens);
        CodeModel repaired = new RepairingCodeModel(model, new JsonAnswerCheck(json));
        PromptTemplates prompts = new PromptTemplates();
        this.services = new BotServices(github, repaired, prompts, json, clock);
        CiFailureFixer fixer = ciFixer.apply(services);

        ReviewTask review = new ReviewTask(repaired, prompts, new FindingsParser(json));
        CommandEvents commands = new CommandEvents(new CommandEvents.Tasks(review, new AnswerTask(repaired, prompts),
                new DescribeTask(repaired, prompts), new DocstringTask(repaired, prompts, json),
                new FixFindingsTask(repaired, prompts, json, fixer)));
        RoutingTable routes = new RoutingTable(new PullRequestEvents(review), commands, fixer);
        this.handler = new BotHandler(routes, github, credentials::current, new RepoConfigLoader(), json);
        this.setupPages = new SetupPages(settings, credentials, new ManifestConversion(settings.githubApiUrl()), repaired::label,
                json, clock);
    }

    /** The queue's handler: one call per stored delivery. */
    public DeliveryHandler handler() {
        return handler;
    }

    /** {@code GET /setup}, {@code GET /setup/callback} and {@code GET /}. */
    public List<RouteContributor> routes() {
        return List.of(setupPages);
    }

    /** The webhook secret, re-read on every call: {@code /setup} switches signature checks on without a restart. */
    public Supplier<Optional<String>> webhookSecret() {
        return credentials::webhookSecret;
    }

    public AppCredentialsStore credentials() {
        return credentials;
    }

    public BotServices services() {
        return services;
    }
}
