package dev.seekfix.bot.fix;

import java.io.IOException;
import java.nio.file.Path;

/** Puts the files of a pull request's head commit into an empty directory. */
public interface HeadCheckout {

    /**
     * @throws HeadMovedException when the pull request's head is no longer {@code headSha} (someone pushed)
     */
    void checkout(String repository, long installationId, int pullNumber, String headSha, Path into) throws IOException;

    /** The pull request's head moved past the commit seekfix diagnosed. */
    final class HeadMovedException extends IOException {
        public HeadMovedException(String message) {
            super(message);
        }
    }
}
