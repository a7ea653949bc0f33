package dev.seekfix.bot.config;

import dev.seekfix.bot.github.RepoClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads {@code .github/seekfix.yml} from the repository's default branch, never from a PR head: a fork could put
 * anything there (GITHUB.md, "Reading a pull request").
 */
public final class RepoConfigLoader {
    private final RepoConfigParser parser = new RepoConfigParser();

    public LoadedConfig load(RepoClient repo) {
        String branch = repo.defaultBranch();
        Optional<String> text = repo.fileContent(RepoConfigParser.FILE, branch);
        if (text.isEmpty()) {
            return new LoadedConfig(RepoConfig.defaults(), "defaults (no %s on %s)".formatted(RepoConfigParser.FILE, branch),
                    Optional.empty(), "");
        }
        return parse(text.get(), "%s on %s".formatted(RepoConfigParser.FILE, branch));
    }

    public LoadedConfig parse(String text, String source) {
        String sha = shortHash(text);
        try {
            return new LoadedConfig(parser.parse(text), source, Optional.empty(), sha);
        } catch (InvalidConfigException e) {
            return new LoadedConfig(RepoConfig.defaults(), "defaults (" + source + " is invalid)", Optional.of(e.getMessage()), sha);
        }
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
