package dev.seekfix.bot.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bot's settings from the environment (DESIGN.md, "Configuration"). Immutable; built once in {@code Main}.
 *
 * @param githubApiUrl  REST base: {@code https://api.github.com}, or {@code https://HOST/api/v3} on Enterprise
 * @param githubWebUrl  where users register Apps: {@code https://github.com}, or {@code https://HOST} on Enterprise
 * @param publicUrl     how GitHub reaches this server (webhook and setup callback); empty: taken from the request
 * @param modelContext  context tokens of an {@code openai:} model ({@code SEEKFIX_MODEL_CONTEXT})
 */
public record BotSettings(Path dataDir, URI githubApiUrl, URI githubWebUrl, Optional<Long> appId,
                          Optional<Path> privateKeyFile, Optional<String> webhookSecret, ModelChoice model,
                          Optional<String> modelName, Optional<String> modelApiKey, int modelContext,
                          Optional<String> adminToken, Optional<URI> publicUrl, String appName) {

    public static final URI GITHUB_API = URI.create("https://api.github.com");

    public static BotSettings fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(value(env, "SEEKFIX_DATA_DIR").orElse("./data"));
        URI api = value(env, "SEEKFIX_GITHUB_API_URL").map(v -> httpUri("SEEKFIX_GITHUB_API_URL", v)).orElse(GITHUB_API);
        URI web = value(env, "SEEKFIX_GITHUB_WEB_URL").map(v -> httpUri("SEEKFIX_GITHUB_WEB_URL", v)).orElse(webUrlOf(api));
        Optional<Long> appId = value(env, "SEEKFIX_APP_ID").map(v -> positiveLong("SEEKFIX_APP_ID", v));
        Optional<Path> keyFile = value(env, "SEEKFIX_PRIVATE_KEY_FILE").map(Path::of);
        if (appId.isPresent() != keyFile.isPresent()) {
            throw new InvalidSettingException("SEEKFIX_APP_ID and SEEKFIX_PRIVATE_KEY_FILE go together: found only "
                    + (appId.isPresent() ? "SEEKFIX_APP_ID" : "SEEKFIX_PRIVATE_KEY_FILE")
                    + "; set both, or neither and register the App at /setup");
        }
        ModelChoice model = value(env, "SEEKFIX_MODEL").map(BotSettings::model).orElse(new ModelChoice.Demo());
        Optional<String> modelName = value(env, "SEEKFIX_MODEL_NAME");
        if (model instanceof ModelChoice.OpenAi && modelName.isEmpty()) {
            throw new InvalidSettingException("SEEKFIX_MODEL=openai:… needs SEEKFIX_MODEL_NAME, the model name the server "
                    + "serves (e.g. deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct for vLLM, deepseek-coder-v2 for Ollama)");
        }
        int context = value(env, "SEEKFIX_MODEL_CONTEXT").map(v -> (int) positiveLong("SEEKFIX_MODEL_CONTEXT", v)).orElse(32768);
        if (context < 1024) {
            throw new InvalidSettingException("SEEKFIX_MODEL_CONTEXT must be at least 1024 tokens, found " + context);
        }
        return new BotSettings(dataDir, api, web, appId, keyFile, value(env, "SEEKFIX_WEBHOOK_SECRET"), model, modelName,
                value(env, "SEEKFIX_MODEL_API_KEY"), context, value(env, "SEEKFIX_ADMIN_TOKEN"),
                value(env, "SEEKFIX_PUBLIC_URL").map(v -> httpUri("SEEKFIX_PUBLIC_URL", v)),
                value(env, "SEEKFIX_APP_NAME").orElse("seekfix"));
    }

    /** {@code https://HOST/api/v3} → {@code https://HOST}; {@code api.github.com} → {@code github.com}. */
    static URI webUrlOf(URI api) {
        String host = api.getHost();
        if (host.equals("api.github.com")) return URI.create("https://github.com");
        if (host.startsWith("api.")) return URI.create(api.getScheme() + "://" + host.substring(4) + port(api));
        return URI.create(api.getScheme() + "://" + host + port(api));
    }

    private static String port(URI uri) {
        return uri.getPort() < 0 ? "" : ":" + uri.getPort();
    }

    private static ModelChoice model(String value) {
        if (value.toLowerCase(Locale.ROOT).startsWith("openai:")) {
            return new ModelChoice.OpenAi(httpUri("SEEKFIX_MODEL", value.substring("openai:".length())));
        }
        if (!value.toLowerCase(Locale.ROOT).endsWith(".gguf")) {
            throw new InvalidSettingException("SEEKFIX_MODEL must be a path to a .gguf file or openai:<base-url>, found '"
                    + value + "'; unset it to use the built-in demo model");
        }
        return new ModelChoice.Gguf(Path.of(value));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static long positiveLong(String name, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0) return parsed;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidSettingException("%s must be a positive whole number, found '%s'".formatted(name, value));
    }

    private static URI httpUri(String name, String value) {
        try {
            URI uri = new URI(value.replaceAll("/+$", ""));
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException | NullPointerException e) {
            throw new InvalidSettingException("%s must be an http(s) URL such as https://host/path, found '%s'".formatted(name, value));
        }
    }

    @Override
    public String toString() {
        return "BotSettings[dataDir=%s, githubApiUrl=%s, appId=%s, model=%s, modelName=%s, modelApiKey=%s, adminToken=%s]"
                .formatted(dataDir, githubApiUrl, appId, model, modelName, modelApiKey.map(k -> "<set>").orElse("<unset>"),
                        adminToken.map(k -> "<set>").orElse("<unset>"));
    }
}
