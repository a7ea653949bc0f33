package dev.seekfix.bot.fix;

import java.util.Optional;

/** The text of files at the PR head commit, as the patch check reads them. */
@FunctionalInterface
public interface HeadFiles {

    /** The file's text at the head, or empty when it does not exist there. */
    Optional<String> read(String path);
}
