package dev.seekfix.bot.fix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Checks a pull request's head out with JGit: fetches {@code refs/pull/<n>/head} (which the base repository has for
 * every PR, forks included) into a fresh repository and checks that commit out, detached. The installation token
 * is given to the fetch only, never written into the checkout's {@code .git/config}, so the verify command cannot
 * read it.
 */
public final class GitHeadCheckout implements HeadCheckout {

    /** Where to fetch from and with which token (GitHub: {@code https://github.com/o/r.git}, {@code x-access-token}). */
    public record Remote(String uri, Optional<String> token) {
    }

    /** Finds the remote of a repository as an installation. */
    @FunctionalInterface
    public interface Remotes {
        Remote of(String repository, long installationId);
    }

    private final Remotes remotes;

    public GitHeadCheckout(Remotes remotes) {
        this.remotes = remotes;
    }

    /** GitHub's clone URLs next to an API base ({@code https://api.github.com} → {@code https://github.com}). */
    public static Remotes github(String webBase, java.util.function.LongFunction<String> tokens) {
        String base = webBase.replaceAll("/+$", "");
        return (repository, installationId) -> new Remote(base + "/" + repository + ".git",
                Optional.of(tokens.apply(installationId)));
    }

    @Override
    public void checkout(String repository, long installationId, int pullNumber, String headSha, Path into)
            throws IOException {
        Remote remote = remotes.of(repository, installationId);
        String ref = "refs/pull/" + pullNumber + "/head";
        try (Git git = Git.init().setDirectory(into.toFile()).call()) {
            CredentialsProvider credentials = remote.token()
                    .map(t -> (CredentialsProvider) new UsernamePasswordCredentialsProvider("x-access-token", t))
                    .orElse(null);
            FetchResult fetched = git.fetch().setRemote(remote.uri()).setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec("+" + ref + ":refs/seekfix/head")).setDepth(1).call();
            Ref head = fetched.getAdvertisedRef(ref);
            if (head == null) {
                throw new IOException("the repository " + repository + " has no " + ref + "; is #" + pullNumber
                        + " a pull request of it?");
            }
            ObjectId fetchedId = git.getRepository().resolve("refs/seekfix/head");
            if (fetchedId == null || !fetchedId.name().equals(headSha)) {
                throw new HeadMovedException("#" + pullNumber + " head is now "
                        + (fetchedId == null ? "unknown" : fetchedId.name()) + ", not " + headSha);
            }
            git.checkout().setName(headSha).call();
        } catch (GitAPIException e) {
            throw new IOException("fetching " + ref + " of " + repository + " failed: " + e.getMessage(), e);
        }
    }
}
