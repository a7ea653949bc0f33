package dev.seekfix.bot.fake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A repository of the {@link FakeGitHub}: files per ref, permissions, pull requests, compare results. */
public final class Repo {
    public final String fullName;
    public String defaultBranch = "main";
    public final Map<String, Map<String, String>> files = new ConcurrentHashMap<>(); // ref → path → text
    public final Map<String, String> permissions = new ConcurrentHashMap<>();
    public final Map<Integer, Pr> pulls = new ConcurrentHashMap<>();
    public final Map<String, Compare> compares = new ConcurrentHashMap<>();

    Repo(String fullName) {
        this.fullName = fullName;
    }

    public Repo file(String ref, String path, String text) {
        files.computeIfAbsent(ref, r -> new ConcurrentHashMap<>()).put(path, text);
        return this;
    }
}
