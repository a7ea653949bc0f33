package dev.seekfix.bot.ci;

import java.util.regex.Pattern;

/**
 * Makes the paths tools print repository-relative: hosted runners check out into
 * {@code /home/runner/work/<repo>/<repo>/} (Linux), {@code D:\a\<repo>\<repo>\} (Windows),
 * {@code /Users/runner/work/<repo>/<repo>/} (macOS), containers into {@code /__w/<repo>/<repo>/}, self-hosted
 * runners into {@code …/_work/<repo>/<repo>/}. Paths we cannot place stay as printed; callers resolve them against
 * the repository's files by suffix.
 */
public final class WorkspacePaths {

    private static final Pattern WORKSPACE = Pattern.compile(
            "^(?:file://)?(?:"
                    + "/home/runner/work/[^/]+/[^/]+/"
                    + "|/Users/runner/work/[^/]+/[^/]+/"
                    + "|/__w/[^/]+/[^/]+/"
                    + "|(?:[A-Za-z]:)?/(?:[^/]+/)*_work/[^/]+/[^/]+/"
                    + "|[A-Za-z]:/a/[^/]+/[^/]+/"
                    + "|/github/workspace/"
                    + ")");

    private WorkspacePaths() {
    }

    public static String relativize(String printed) {
        String path = printed.strip().replace('\\', '/');
        if (path.startsWith("file:///")) path = path.substring("file://".length());
        path = WORKSPACE.matcher(path).replaceFirst("");
        while (path.startsWith("./")) path = path.substring(2);
        return path;
    }
}
