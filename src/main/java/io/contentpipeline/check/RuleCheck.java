package io.contentpipeline.check;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.contentpipeline.article.FrontMatter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The kinds of check a metadata rule can name; each answers whether a front matter passes. */
public enum RuleCheck {

    REQUIRED("required") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return fm.has(rule.field());
        }
    },
    ISO_DATE("iso-date") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return !fm.has(rule.field()) || date(fm, rule.field()).isPresent();
        }
    },
    NOT_BEFORE("not-before") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            var value = date(fm, rule.field());
            var other = date(fm, rule.other());
            return value.isEmpty() || other.isEmpty() || !value.get().isBefore(other.get());
        }
    },
    HTTP_URL("http-url") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return !fm.has(rule.field()) || fm.text(rule.field()).filter(RuleCheck::isHttpUrl).isPresent();
        }
    },
    ROBOTS("robots") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return !fm.has(rule.field()) || fm.text(rule.field())
                    .map(value -> Arrays.stream(value.split(","))
                            .map(token -> token.strip().toLowerCase(Locale.ROOT))
                            .allMatch(rule.allowed()::contains))
                    .orElse(false);
        }
    },
    LIST("list") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return fm.get(rule.field()) == null || fm.get(rule.field()) instanceof List;
        }
    },
    ITEMS_HAVE("items-have") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            if (!(fm.get(rule.field()) instanceof List<?> items)) {
                return true;
            }
            return items.stream().allMatch(item -> item instanceof Map<?, ?> map
                    && rule.keys().stream().allMatch(key -> map.get(key) != null && !map.get(key).toString().isBlank()));
        }
    },
    MAX_LENGTH("max-length") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return fm.text(rule.field()).map(text -> text.codePointCount(0, text.length()) <= rule.max()).orElse(true);
        }
    };

    private final String label;

    RuleCheck(String label) {
        this.label = label;
    }

    abstract boolean passes(FrontMatter frontMatter, Rule rule);

    @JsonCreator
    public static RuleCheck fromLabel(String label) {
        for (RuleCheck check : values()) {
            if (check.label.equals(label)) {
                return check;
            }
        }
        throw new IllegalArgumentException("unknown metadata check '" + label + "'");
    }

    private static Optional<java.time.OffsetDateTime> date(FrontMatter fm, String field) {
        return fm.text(field).flatMap(IsoDates::parse);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
