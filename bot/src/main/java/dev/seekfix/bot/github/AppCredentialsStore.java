package dev.seekfix.bot.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The App's identity in the data dir: {@code app.json} (id, slug, client id, page, webhook secret) and
 * {@code app-key.pem}, both owner-only (0600) and written atomically. Environment settings take precedence
 * ({@code SEEKFIX_APP_ID} with {@code SEEKFIX_PRIVATE_KEY_FILE}, {@code SEEKFIX_WEBHOOK_SECRET}). Readers see a
 * saved identity at once: the signature verifier reads {@link #webhookSecret()} on every delivery, so the App
 * switches on without a restart.
 */
public final class AppCredentialsStore {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** What the environment pins; each part empty when not set. */
    public record Overrides(Optional<Long> appId, Optional<Path> privateKeyFile, Optional<String> webhookSecret,
                            Optional<String> slug) {
        public static Overrides none() {
            return new Overrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private final Path dataDir;
    private final ObjectMapper json;
    private final Overrides overrides;
    private volatile Optional<AppCredentials> current;

    public AppCredentialsStore(Path dataDir, ObjectMapper json, Overrides overrides) {
        this.dataDir = dataDir;
        this.json = json;
        this.overrides = overrides;
        this.current = load();
    }

    public Path appFile() {
        return dataDir.resolve("app.json");
    }

    public Path keyFile() {
        return dataDir.resolve("app-key.pem");
    }

    public Optional<AppCredentials> current() {
        return current;
    }

    /** The webhook secret for the intake's signature check; empty until the App is set up. */
    public Optional<String> webhookSecret() {
        return overrides.webhookSecret().or(() -> current.map(AppCredentials::webhookSecret));
    }

    public boolean configured() {
        return current.isPresent();
    }

    /** Stores what the manifest flow returned and makes it current. */
    public synchronized void save(AppCredentials credentials) {
        try {
            Files.createDirectories(dataDir);
            ObjectNode app = json.createObjectNode();
            app.put("app_id", credentials.appId());
            app.put("slug", credentials.slug());
            app.put("webhook_secret", credentials.webhookSecret());
            credentials.clientId().ifPresent(id -> app.put("client_id", id));
            credentials.htmlUrl().ifPresent(url -> app.put("html_url", url));
            writeOwnerOnly(keyFile(), credentials.privateKeyPem());
            writeOwnerOnly(appFile(), json.writerWithDefaultPrettyPrinter().writeValueAsString(app));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the App's credentials to " + dataDir
                    + "; check that the data dir (SEEKFIX_DATA_DIR) is writable", e);
        }
        current = load();
    }

    private Optional<AppCredentials> load() {
        try {
            JsonNode stored = Files.exists(appFile()) ? json.readTree(Files.readString(appFile())) : json.createObjectNode();
            Optional<Long> appId = overrides.appId()
                    .or(() -> stored.has("app_id") ? Optional.of(stored.get("app_id").asLong()) : Optional.empty());
            Optional<Path> key = overrides.privateKeyFile().or(() -> Files.exists(keyFile()) ? Optional.of(keyFile()) : Optional.empty());
            if (appId.isEmpty() || key.isEmpty()) return Optional.empty();
            if (!Files.isReadable(key.get())) {
                throw new InvalidKeyFileException("the App's private key file " + key.get()
                        + " is missing or unreadable; check SEEKFIX_PRIVATE_KEY_FILE");
            }
            String pem = Files.readString(key.get(), StandardCharsets.US_ASCII);
            PrivateKeys.parse(pem, key.get().toString());
            String slug = overrides.slug().orElse(stored.path("slug").asText("seekfix"));
            String secret = overrides.webhookSecret().orElse(stored.path("webhook_secret").asText(""));
            return Optional.of(new AppCredentials(appId.get(), slug, pem, secret,
                    optionalText(stored, "client_id"), optionalText(stored, "html_url")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the App's credentials from " + dataDir, e);
        }
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Writes through a 0600 temporary file and an atomic move: the secret is never readable by others. */
    private static void writeOwnerOnly(Path target, String content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("temporary file " + temp + " appeared while writing credentials", e);
        }
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.setPosixFilePermissions(target, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data dir's ACL applies.
        }
    }
}
