package dev.seekfix.bot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.bot.github.AppCredentials;
import dev.seekfix.bot.github.AppCredentialsStore;
import dev.seekfix.bot.github.GitHubApiException;
import dev.seekfix.bot.github.ManifestConversion;
import dev.seekfix.webhooks.server.RouteContributor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The pages a person sees: {@code GET /setup} registers the GitHub App through the manifest flow (a form that POSTs
 * the manifest to GitHub), {@code GET /setup/callback} exchanges GitHub's code for the App's credentials and stores
 * them (the App works at once, no restart), {@code GET /} is a small status dashboard behind
 * {@code SEEKFIX_ADMIN_TOKEN}. The flow carries a one-time {@code state} against forged callbacks.
 */
public final class SetupPages implements RouteContributor {
    static final Duration STATE_LIFETIME = Duration.ofHours(1);

    private final BotSettings settings;
    private final AppCredentialsStore store;
    private final ManifestConversion conversion;
    private final Supplier<String> modelLabel;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> states = new ConcurrentHashMap<>();

    public SetupPages(BotSettings settings, AppCredentialsStore store, ManifestConversion conversion, Supplier<String> modelLabel,
                      ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.conversion = conversion;
        this.modelLabel = modelLabel;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void contribute(RoutesConfig routes) {
        routes.get("/setup", this::setup);
        routes.get("/setup/callback", this::callback);
        routes.get("/", this::dashboard);
    }

    void setup(Context ctx) {
        if (store.configured()) {
            ctx.html(page("seekfix is set up", installLink(store.current().orElseThrow())
                    + "<p>To register a different App, remove <code>app.json</code> and <code>app-key.pem</code> from the data dir and restart.</p>"));
            return;
        }
        String base = publicBase(ctx);
        String state = newState();
        String org = Optional.ofNullable(ctx.queryParam("org")).filter(o -> o.matches("[A-Za-z0-9-]{1,39}")).orElse(null);
        String action = settings.githubWebUrl() + (org == null ? "/settings/apps/new" : "/organizations/" + org + "/settings/apps/new")
                + "?state=" + state;
        String manifest = manifest(base);
        ctx.html(page("Register seekfix on GitHub", """
                <p>This creates a GitHub App named <b>%s</b> for this server (%s) in %s, with the permissions and events
                seekfix needs. GitHub asks you to confirm, then sends you back here.</p>
                <form action="%s" method="post">
                  <input type="hidden" name="manifest" value="%s">
                  <button type="submit">Create the GitHub App</button>
                </form>
                <p>For an organisation, open <code>/setup?org=NAME</code>.</p>
                """.formatted(escape(settings.appName()), escape(base), org == null ? "your account" : "organisation " + escape(org),
                escape(action), escape(manifest))));
    }

    void callback(Context ctx) {
        String code = ctx.queryParam("code");
        String state = ctx.queryParam("state");
        if (code == null || state == null || !consumeState(state)) {
            ctx.status(400).html(page("Setup link expired", "<p>This callback does not match a setup started here within the last hour. "
                    + "<a href=\"/setup\">Start again</a>.</p>"));
            return;
        }
        if (store.configured()) {
            ctx.status(409).html(page("Already set up", installLink(store.current().orElseThrow())));
            return;
        }
        try {
            AppCredentials credentials = conversion.convert(code);
            store.save(credentials);
            ctx.html(page("seekfix is registered", installLink(credentials)));
        } catch (GitHubApiException | IllegalArgumentException e) {
            ctx.status(502).html(page("GitHub did not hand over the App", "<p>" + escape(e.getMessage()) + "</p><p><a href=\"/setup\">Start again</a>.</p>"));
        }
    }

    void dashboard(Context ctx) {
        if (settings.adminToken().isEmpty()) {
            if (!store.configured()) {
                ctx.redirect("/setup");
                return;
            }
            ctx.status(404).html(page("seekfix", "<p>The dashboard is off: set <code>SEEKFIX_ADMIN_TOKEN</code> to enable it.</p>"));
            return;
        }
        if (!authorised(ctx, settings.adminToken().get())) {
            ctx.header("WWW-Authenticate", "Basic realm=\"seekfix\"");
            ctx.status(401).html(page("seekfix", "<p>Sign in with the admin token as password (any user name), or send it as a bearer token.</p>"));
            return;
        }
        String app = store.current().map(SetupPages::installLink).orElse("<p>No App yet: <a href=\"/setup\">register one</a>.</p>");
        ctx.html(page("seekfix", app + "<p>Model: " + escape(modelLabel.get()) + "</p>"
                + "<p>GitHub API: " + escape(settings.githubApiUrl().toString()) + "</p>"
                + "<p>Deliveries: <code>GET /api/deliveries</code> with the same token.</p>"));
    }

    static boolean authorised(Context ctx, String token) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        String given = null;
        if (header.startsWith("Bearer ")) {
            given = header.substring(7).strip();
        } else if (header.startsWith("Basic ")) {
            try {
                given = ctx.basicAuthCredentials() == null ? null : ctx.basicAuthCredentials().getPassword();
            } catch (RuntimeException malformed) {
                given = null;
            }
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The manifest from {@code manifest/app-manifest.json}, pointed at this server. */
    String manifest(String base) {
        try (InputStream in = SetupPages.class.getResourceAsStream("/manifest/app-manifest.json")) {
            if (in == null) throw new IllegalStateException("resource manifest/app-manifest.json is missing from the bot jar");
            ObjectNode manifest = (ObjectNode) json.readTree(in);
            manifest.put("name", settings.appName());
            manifest.put("url", base);
            ((ObjectNode) manifest.path("hook_attributes")).put("url", base + "/webhooks/github");
            manifest.put("redirect_url", base + "/setup/callback");
            manifest.put("setup_url", base + "/");
            return json.writeValueAsString(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String publicBase(Context ctx) {
        return settings.publicUrl().map(URI::toString)
                .orElseGet(() -> ctx.scheme() + "://" + Optional.ofNullable(ctx.header("Host")).orElse("localhost"));
    }

    private String newState() {
        Instant now = clock.instant();
        states.entrySet().removeIf(e -> e.getValue().isBefore(now));
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String state = HexFormat.of().formatHex(bytes);
        states.put(state, now.plus(STATE_LIFETIME));
        return state;
    }

    private boolean consumeState(String state) {
        Instant expires = states.remove(state);
        return expires != null && clock.instant().isBefore(expires);
    }

    private static String installLink(AppCredentials app) {
        String page = app.htmlUrl().orElse("");
        return page.isEmpty()
                ? "<p>GitHub App <b>%s</b> (id %d) is configured.</p>".formatted(escape(app.slug()), app.appId())
                : "<p>GitHub App <b>%s</b> (id %d) is configured. <a href=\"%s/installations/new\">Install it on your repositories</a>.</p>"
                .formatted(escape(app.slug()), app.appId(), escape(page));
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:44em;margin:3em auto;line-height:1.5}</style></head><body><h1>"
                + escape(title) + "</h1>" + body + "</body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
