package dev.seekfix.bot.github;

/**
 * The bot's entry to GitHub: repository clients acting as an installation. One per process.
 */
public final class GitHubApp {
    private final GitHubRest rest;
    private final InstallationTokens tokens;

    public GitHubApp(GitHubRest rest, InstallationTokens tokens) {
        this.rest = rest;
        this.tokens = tokens;
    }

    public RepoClient repo(long installationId, String fullName) {
        return new RepoClient(rest, tokens::token, installationId, fullName);
    }

    public InstallationTokens tokens() {
        return tokens;
    }

    public GitHubRest rest() {
        return rest;
    }
}
