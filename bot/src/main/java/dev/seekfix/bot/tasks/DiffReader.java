package dev.seekfix.bot.tasks;

import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.MalformedPatchException;
import dev.seekfix.bot.diff.PatchParser;
import dev.seekfix.bot.github.ChangedFile;
import dev.seekfix.bot.github.RepoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a pull request's diff through the paginated files endpoint and parses every patch. */
public final class DiffReader {
    private static final Logger log = LoggerFactory.getLogger(DiffReader.class);
    private final PatchParser parser = new PatchParser();

    public Map<String, FileDiff> read(RepoClient repo, int pr) {
        return parse(repo.pullRequestFiles(pr));
    }

    public Map<String, FileDiff> parse(List<ChangedFile> files) {
        Map<String, FileDiff> diff = new LinkedHashMap<>();
        for (ChangedFile file : files) {
            try {
                diff.put(file.path(), parser.parse(file));
            } catch (MalformedPatchException e) {
                // One unreadable patch must not stop the review: the file is treated as having no patch.
                log.warn("unreadable patch, file skipped: {}", e.getMessage());
                diff.put(file.path(), new FileDiff(file.path(), file.previousPath(), file.status(), file.additions(),
                        file.deletions(), false, List.of()));
            }
        }
        return diff;
    }
}
