package dev.seekfix.bot.fake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A pull request of the {@link FakeGitHub}. */
public final class Pr {
    public final int number;
    public String title = "Add a feature";
    public String body = "";
    public String state = "open";
    public boolean draft;
    public String headSha;
    public String headRef = "feature";
    public String baseRef = "main";
    public String baseSha = "b".repeat(40);
    public String author = "octocat";
    public List<PrFile> files = new ArrayList<>();

    Pr(int number, String headSha) {
        this.number = number;
        this.headSha = headSha;
    }

    /** The lines a review comment may use, per path and side, computed from the patches independently of the bot. */
    Set<String> commentableLines() {
        Set<String> valid = new HashSet<>();
        for (PrFile file : files) {
            if (file.patch() == null) continue;
            int oldLine = 0;
            int newLine = 0;
            for (String line : file.patch().split("\n")) {
                if (line.startsWith("@@")) {
                    String[] ranges = line.split(" ");
                    oldLine = Integer.parseInt(ranges[1].substring(1).split(",")[0]);
                    newLine = Integer.parseInt(ranges[2].substring(1).split(",")[0]);
                } else if (line.startsWith("+")) {
                    valid.add(file.path() + ":RIGHT:" + newLine++);
                } else if (line.startsWith("-")) {
                    valid.add(file.path() + ":LEFT:" + oldLine++);
                } else if (!line.startsWith("\\")) {
                    valid.add(file.path() + ":RIGHT:" + newLine++);
                    valid.add(file.path() + ":LEFT:" + oldLine++);
                }
            }
        }
        return valid;
    }
}
