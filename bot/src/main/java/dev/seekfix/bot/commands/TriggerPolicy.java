package dev.seekfix.bot.commands;

import dev.seekfix.bot.config.RepoConfig;
import dev.seekfix.bot.github.RepoClient;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may run a command: the comment's {@code author_association} must be in {@code commands.allowed}, and commands
 * that write to the repository also need write permission through the collaborator permission API (an association
 * alone does not prove it). Returns the polite refusal to post, or empty when allowed.
 */
public final class TriggerPolicy {
    private static final Set<String> WRITE = Set.of("admin", "maintain", "write");

    public Optional<String> refusal(Command command, String login, String association, RepoConfig config, RepoClient repo) {
        String assoc = association == null ? "NONE" : association.toUpperCase(Locale.ROOT);
        if (!config.commands().allowed().contains(assoc)) {
            return Optional.of(("@%s, thanks for trying seekfix! On this repository its commands are open to %s "
                    + "(your association is %s). A maintainer can run it for you, or change `commands.allowed` in "
                    + "`.github/seekfix.yml`.").formatted(login, String.join(", ", config.commands().allowed()), assoc));
        }
        if (command.writes()) {
            String permission = repo.permissionOf(login);
            if (!WRITE.contains(permission)) {
                return Optional.of(("@%s, `/fix` can change this repository, so it needs write permission "
                        + "(yours is %s). Ask someone with write access to run it.").formatted(login, permission));
            }
        }
        return Optional.empty();
    }
}
