package dev.seekfix.bot.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository on disk standing in for a GitHub repository: commits files and sets PR refs. */
final class ScratchGitRepository implements AutoCloseable {

    private final Git git;
    final Path dir;

    ScratchGitRepository(Path dir) throws GitAPIException {
        this.dir = dir;
        this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    String commit(String message, Map<String, String> files) throws IOException, GitAPIException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path path = dir.resolve(f.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, f.getValue());
            if (f.getKey().endsWith(".sh")) path.toFile().setExecutable(true);
        }
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent("Ada", "ada@example.com");
        RevCommit commit = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
        return commit.name();
    }

    void pullRef(int number, String sha) throws IOException {
        RefUpdate update = git.getRepository().updateRef("refs/pull/" + number + "/head");
        update.setNewObjectId(git.getRepository().resolve(sha));
        update.setForceUpdate(true);
        update.update();
    }

    @Override
    public void close() {
        git.close();
    }
}
