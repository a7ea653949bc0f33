package dev.seekfix.bot.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md's dependency rule, enforced on the poms and on every import: engine and webhooks never depend on each
 * other nor on the bot, and the bot reaches the engine through its {@code api} package only.
 */
class ModuleDependencyRuleTest {

    private static final Path ROOT = Path.of(System.getProperty("seekfix.projectRoot", "..")).toAbsolutePath().normalize();
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern SEEKFIX_REFERENCE = Pattern.compile("\\bdev\\.seekfix\\.(\\w+)(?:\\.(\\w+))?");

    @Test
    void engineNeverDependsOnWebhooksOrTheBot() {
        assertThat(pom("engine")).doesNotContain("seekfix-webhooks", "seekfix-bot");
        assertThat(references("engine")).noneMatch(r -> r.startsWith("dev.seekfix.webhooks") || r.startsWith("dev.seekfix.bot"));
    }

    @Test
    void webhooksNeverDependOnTheEngineOrTheBot() {
        assertThat(pom("webhooks")).doesNotContain("seekfix-engine", "seekfix-bot");
        assertThat(references("webhooks")).noneMatch(r -> r.startsWith("dev.seekfix.engine") || r.startsWith("dev.seekfix.bot"));
    }

    @Test
    void theBotUsesOnlyTheEnginesApiPackage() {
        assertThat(references("bot"))
                .filteredOn(r -> r.startsWith("dev.seekfix.engine"))
                .allMatch(r -> r.startsWith("dev.seekfix.engine.api"), "only dev.seekfix.engine.api.* may be used by the bot");
    }

    @Test
    void theRuleSeesTheSources() {
        // Guards against a rule that passes because it scanned nothing.
        assertThat(javaFiles("webhooks")).isNotEmpty();
        assertThat(javaFiles("engine")).isNotEmpty();
        assertThat(javaFiles("bot")).isNotEmpty();
    }

    private static String pom(String module) {
        try {
            return Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code dev.seekfix.x.y} named in an import or a fully qualified reference of the module's sources. */
    private static List<String> references(String module) {
        return javaFiles(module).stream().flatMap(file -> {
            String source = read(file);
            Stream.Builder<String> found = Stream.builder();
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) found.add(imports.group(1));
            Matcher qualified = SEEKFIX_REFERENCE.matcher(source.replaceAll("(?m)^\\s*package .*$", ""));
            while (qualified.find()) found.add(qualified.group());
            return found.build();
        }).filter(r -> r.startsWith("dev.seekfix.")).distinct().toList();
    }

    private static List<Path> javaFiles(String module) {
        Path src = ROOT.resolve(module).resolve("src");
        if (!Files.isDirectory(src)) return List.of();
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
