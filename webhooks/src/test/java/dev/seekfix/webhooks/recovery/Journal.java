package dev.seekfix.webhooks.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads what {@link SlowHandlerServer}s wrote: one line per handler start and per completion. */
record Journal(Path file) {

    List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> starts() {
        return lines().stream().filter(l -> l.startsWith("start ")).toList();
    }

    Map<String, Long> completionsById() {
        return lines().stream().filter(l -> l.startsWith("done ")).map(l -> l.split(" ")[1])
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Deliveries whose handler started in process {@code pid} and never finished there. */
    List<String> unfinishedIn(long pid) {
        List<String> started = starts().stream().filter(l -> l.endsWith("pid=" + pid)).map(l -> l.split(" ")[1]).toList();
        List<String> done = lines().stream().filter(l -> l.startsWith("done ") && l.endsWith("pid=" + pid))
                .map(l -> l.split(" ")[1]).toList();
        return started.stream().filter(id -> !done.contains(id)).toList();
    }
}
