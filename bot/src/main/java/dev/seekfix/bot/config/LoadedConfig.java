package dev.seekfix.bot.config;

import java.util.Optional;

/**
 * The config a task runs with and where it came from.
 *
 * @param source  e.g. {@code .github/seekfix.yml on main} or {@code defaults (no .github/seekfix.yml on main)}
 * @param problem why the file was not used, when it was invalid (the defaults are used then)
 * @param fileSha a short hash of the file's text, to comment once per version of an invalid file
 */
public record LoadedConfig(RepoConfig config, String source, Optional<String> problem, String fileSha) {
}
