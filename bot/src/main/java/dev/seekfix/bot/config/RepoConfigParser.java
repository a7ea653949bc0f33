package dev.seekfix.bot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates {@code .github/seekfix.yml}. Strict: unknown keys and wrong types are errors (a typo would
 * otherwise silently keep a default), and every error names its key.
 */
public final class RepoConfigParser {
    static final String FILE = ".github/seekfix.yml";
    private static final Map<String, Set<String>> KEYS = Map.of(
            "review", Set.of("auto", "on_push", "drafts", "max_comments", "min_confidence", "max_model_calls", "ignore", "instructions"),
            "fix", Set.of("auto", "mode", "max_attempts"),
            "commands", Set.of("allowed"));
    private static final Set<String> ASSOCIATIONS = Set.of("OWNER", "MEMBER", "COLLABORATOR", "CONTRIBUTOR",
            "FIRST_TIME_CONTRIBUTOR", "FIRST_TIMER", "MANNEQUIN", "NONE");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public RepoConfig parse(String text) throws InvalidConfigException {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException("%s is not valid YAML: %s".formatted(FILE, e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line %d, column %d)".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr()))));
        }
        RepoConfig defaults = RepoConfig.defaults();
        if (root == null || root.isMissingNode() || root.isNull()) return defaults;
        if (!root.isObject()) throw new InvalidConfigException(FILE + ": expected a mapping at the top level, found " + kind(root));
        List<String> errors = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.containsKey(key)) {
                errors.add("unknown key '%s' (known: commands, fix, review)".formatted(key));
                continue;
            }
            JsonNode section = root.get(key);
            if (section.isNull()) continue;
            if (!section.isObject()) {
                errors.add("'%s' must be a mapping, found %s".formatted(key, kind(section)));
                continue;
            }
            for (Iterator<String> f = section.fieldNames(); f.hasNext(); ) {
                String field = f.next();
                if (!KEYS.get(key).contains(field)) {
                    errors.add("unknown key '%s.%s' (known: %s)".formatted(key, field, String.join(", ", KEYS.get(key).stream().sorted().toList())));
                }
            }
        }
        Fields review = new Fields(root.path("review"), "review", errors);
        Fields fix = new Fields(root.path("fix"), "fix", errors);
        Fields commands = new Fields(root.path("commands"), "commands", errors);
        RepoConfig.Review r = defaults.review();
        RepoConfig.Review parsedReview = new RepoConfig.Review(
                review.bool("auto", r.auto()),
                review.enumValue("on_push", RepoConfig.OnPush.class, r.onPush()),
                review.bool("drafts", r.drafts()),
                review.integer("max_comments", r.maxComments(), 0, 50),
                review.number("min_confidence", r.minConfidence(), 0, 1),
                review.integer("max_model_calls", r.maxModelCalls(), 1, 50),
                review.strings("ignore", r.ignore()),
                review.text("instructions", r.instructions(), 4000));
        RepoConfig.Fix f = defaults.fix();
        RepoConfig.Fix parsedFix = new RepoConfig.Fix(fix.bool("auto", f.auto()),
                fix.enumValue("mode", RepoConfig.FixMode.class, f.mode()),
                fix.integer("max_attempts", f.maxAttempts(), 0, 10));
        List<String> allowed = commands.strings("allowed", defaults.commands().allowed()).stream()
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        for (String association : allowed) {
            if (!ASSOCIATIONS.contains(association)) {
                errors.add("'commands.allowed' has '%s'; expected author associations among %s".formatted(association,
                        ASSOCIATIONS.stream().sorted().toList()));
            }
        }
        if (!errors.isEmpty()) throw new InvalidConfigException(FILE + ": " + String.join("; ", errors));
        return new RepoConfig(parsedReview, parsedFix, new RepoConfig.Commands(allowed));
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " '" + node.asText() + "'";
    }

    /** Typed reads of one section that record errors instead of stopping at the first. */
    private record Fields(JsonNode section, String name, List<String> errors) {

        private JsonNode value(String field) {
            JsonNode v = section.get(field);
            return v == null || v.isNull() ? null : v;
        }

        boolean bool(String field, boolean fallback) {
            JsonNode v = value(field);
            if (v == null) return fallback;
            if (!v.isBoolean()) {
                errors.add("'%s.%s' must be true or false, found %s".formatted(name, field, kind(v)));
                return fallback;
            }
            return v.asBoolean();
        }

        int integer(String field, int fallback, int min, int max) {
            JsonNode v = value(field);
            if (v == null) return fallback;
            if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
                errors.add("'%s.%s' must be a whole number from %d to %d, found %s".formatted(name, field, min, max, kind(v)));
                return fallback;
            }
            return v.asInt();
        }

        double number(String field, double fallback, double min, double max) {
            JsonNode v = value(field);
            if (v == null) return fallback;
            if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
                errors.add("'%s.%s' must be a number from %s to %s, found %s".formatted(name, field, min, max, kind(v)));
                return fallback;
            }
            return v.asDouble();
        }

        String text(String field, String fallback, int maxLength) {
            JsonNode v = value(field);
            if (v == null) return fallback;
            if (!v.isTextual() || v.asText().length() > maxLength) {
                errors.add("'%s.%s' must be text of at most %d characters, found %s".formatted(name, field, maxLength,
                        v.isTextual() ? v.asText().length() + " characters" : kind(v)));
                return fallback;
            }
            return v.asText();
        }

        List<String> strings(String field, List<String> fallback) {
            JsonNode v = value(field);
            if (v == null) return fallback;
            if (!v.isArray()) {
                errors.add("'%s.%s' must be a list, found %s".formatted(name, field, kind(v)));
                return fallback;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    errors.add("'%s.%s' must hold text items, found %s".formatted(name, field, kind(item)));
                    return fallback;
                }
                out.add(item.asText());
            }
            return out;
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
            JsonNode v = value(field);
            if (v == null) return fallback;
            String wanted = v.asText().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (v.isTextual() && constant.name().equals(wanted)) return constant;
            }
            errors.add("'%s.%s' must be one of %s, found %s".formatted(name, field,
                    java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList(), kind(v)));
            return fallback;
        }
    }
}
