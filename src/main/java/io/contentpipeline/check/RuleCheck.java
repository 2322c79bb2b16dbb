package io.contentpipeline.check;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Place;
import io.contentpipeline.language.LanguageResolver;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
            if (value.isEmpty() || other.isEmpty()) {
                return true;
            }
            // A plain date is a whole day: "updated: 2024-03-05" is not before an evening of the 5th.
            boolean byDay = fm.text(rule.field()).filter(IsoDates::isDateOnly).isPresent()
                    || fm.text(rule.other()).filter(IsoDates::isDateOnly).isPresent();
            return byDay ? !value.get().toLocalDate().isBefore(other.get().toLocalDate()) : !value.get().isBefore(other.get());
        }
    },
    TEXT("text") {
        /**
         * A number is text when it is shown as the author typed it ("title: 2024" shows 2024,
         * here and in Hugo); not 1.0, 1e3, 0x1F or .inf, which YAML reads as 1, 1000, 31 and
         * infinity. A boolean is not "yes".
         */
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return isText(fm.get(rule.field()), fm.spelling(rule.field()));
        }

        @Override
        String message(FrontMatter fm, Rule rule) {
            return rule.message() + "; found " + found(fm, rule.field());
        }
    },
    /**
     * Every item of a list is a text, as {@link #TEXT} reads one: {@code seo_keywords: [yes, 0x1F]}
     * is the boolean true and the number 31 to YAML, which went on to the page, the draft and the
     * translator as "true" and "31" without a word. A value that is not a list passes (the list
     * rule says what it is). With {@code keys}, the items are maps and the values under those
     * keys are the texts ({@code related_articles: [{url: …, anchor: yes}]}); an item that is no
     * map, or lacks a key, passes (the items-have rule says so). Each item (or value) that is no
     * text is a finding of its own, at its own line and column (one finding at the list's key,
     * naming "item 5", left the author to count down the list).
     */
    TEXT_ITEMS("text-items") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return findings(fm, rule).isEmpty();
        }

        @Override
        List<Finding> findings(FrontMatter fm, Rule rule) {
            return notTexts(fm, rule);
        }
    },
    LANGUAGE_CODE("language-code") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return !fm.has(rule.field()) || fm.get(rule.field()) instanceof String code && isLanguageCode(code);
        }

        /** "lang: no" is the boolean false to YAML, not Norwegian: the author is told so, as for a text. */
        @Override
        String message(FrontMatter fm, Rule rule) {
            return fm.get(rule.field()) instanceof String ? rule.message() : rule.message() + "; found " + found(fm, rule.field());
        }
    },
    HTTP_URL("http-url") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return !fm.has(rule.field()) || fm.text(rule.field()).filter(RuleCheck::isHttpUrl).isPresent();
        }
    },
    /**
     * A page's address on the site, as Hugo's {@code url} takes it: a path. Hugo refuses a
     * {@code url} with a scheme or a host ("URLs with protocol (http*) not supported") and then
     * builds no page of the site at all.
     */
    SITE_PATH("site-path") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return !fm.has(rule.field()) || fm.text(rule.field()).filter(path -> !path.contains("://") && !path.startsWith("//")).isPresent();
        }

        @Override
        String message(FrontMatter fm, Rule rule) {
            return rule.message() + "; found " + fm.text(rule.field()).orElse(String.valueOf(fm.get(rule.field())));
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
            // "ai_tags:" with nothing after it is an empty list to an author, not an error.
            return !fm.has(rule.field()) || fm.get(rule.field()) instanceof List;
        }
    },
    /**
     * Every item of a list is a map with a value under each of the rule's keys; each item that
     * is not is a finding of its own, named by its place and what it lacks, at its own line.
     */
    ITEMS_HAVE("items-have") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return findings(fm, rule).isEmpty();
        }

        @Override
        List<Finding> findings(FrontMatter fm, Rule rule) {
            if (!(fm.get(rule.field()) instanceof List<?> items)) {
                return List.of();
            }
            List<Finding> found = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                lacking(items.get(i), rule.keys()).ifPresent(lacks -> found.add(at(fm, rule.field(), FrontMatter.itemKey(rule.field(), index),
                        fm.itemPlace(rule.field(), index), rule.message() + "; item " + (index + 1) + " " + lacks)));
            }
            return found;
        }
    },
    MAX_LENGTH("max-length") {
        @Override
        boolean passes(FrontMatter fm, Rule rule) {
            return fm.text(rule.field()).map(text -> text.codePointCount(0, text.length()) <= rule.max()).orElse(true);
        }
    };

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2}([-_][A-Za-z0-9]{2,8})*");

    private final String label;

    RuleCheck(String label) {
        this.label = label;
    }

    abstract boolean passes(FrontMatter frontMatter, Rule rule);

    /** What the author is told when the front matter fails the rule: the rule's message, unless the check can say more. */
    String message(FrontMatter frontMatter, Rule rule) {
        return rule.message();
    }

    /**
     * What the front matter fails, each with where: one finding at the field's line, unless the
     * check looks into a list's items, whose findings are at the items' own places.
     */
    List<Finding> findings(FrontMatter frontMatter, Rule rule) {
        return passes(frontMatter, rule) ? List.of()
                : List.of(new Finding(message(frontMatter, rule), rule.field(), frontMatter.line(rule.field()), null));
    }

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

    /**
     * A value that is not text, as the author can find it in what they wrote: YAML decides
     * the type from the unquoted spelling, so the way out is to quote it. When the parser
     * kept the spelling, the message names it and shows the quoted line to write.
     */
    private static String found(FrontMatter fm, String field) {
        Object value = fm.get(field);
        Optional<String> spelling = fm.spelling(field);
        if (spelling.isPresent() && (value instanceof Boolean || value instanceof Number)) {
            String read = value instanceof Number number ? "the number " + shown(number) : "the boolean " + value;
            return read + ", which is how YAML reads an unquoted " + spelling.get()
                    + ": quote it to keep it as written, as in " + field + ": \"" + spelling.get() + "\"";
        }
        if (value instanceof Boolean yes) {
            return "the boolean " + yes + ", which is how YAML reads an unquoted " + (yes ? "yes, on or true" : "no, off or false")
                    + ": quote it if you mean the word";
        }
        if (value instanceof List<?> list) {
            return "a list of " + list.size() + (list.size() == 1 ? " item" : " items")
                    + " (YAML reads [brackets] and lines that start with \"- \" as a list): quote it if you mean the text";
        }
        if (value instanceof Map<?, ?> map) {
            return "a map with the keys " + map.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " (YAML reads {braces} and indented \"key: value\" lines as a map): quote it if you mean the text";
        }
        return value instanceof byte[] ? "binary data (a !!binary value)" : "a " + value.getClass().getSimpleName() + " value";
    }

    /**
     * A text, or a number shown as the author typed it (spelling empty: the parser did not keep
     * it, and the number is given the benefit of the doubt); not a boolean, a list or a map.
     */
    private static boolean isText(Object value, Optional<String> spelling) {
        return value == null || value instanceof String
                || value instanceof Number number && spelling.map(shown(number)::equals).orElse(true);
    }

    /**
     * Each item of the rule's list that is no text, in the author's words and at the item's place
     * (empty when all are texts); with the rule's keys, each value under them in an item that is
     * a map, at the value's place.
     */
    private static List<Finding> notTexts(FrontMatter fm, Rule rule) {
        if (!(fm.get(rule.field()) instanceof List<?> items)) {
            return List.of();
        }
        boolean byKey = rule.keys() != null && !rule.keys().isEmpty();
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!byKey) {
                Optional<String> spelling = fm.itemSpelling(rule.field(), i);
                if (!isText(item, spelling)) {
                    found.add(at(fm, rule.field(), FrontMatter.itemKey(rule.field(), i), fm.itemPlace(rule.field(), i),
                            rule.message() + "; item " + (i + 1) + " is " + foundItem(item, spelling, true)));
                }
            } else if (item instanceof Map<?, ?> map) {
                for (String key : rule.keys()) {
                    Optional<String> spelling = fm.itemSpelling(rule.field(), i, key);
                    if (!isText(map.get(key), spelling)) {
                        int index = i;
                        found.add(at(fm, rule.field(), FrontMatter.itemKey(FrontMatter.itemKey(rule.field(), i), key),
                                fm.itemPlace(rule.field(), i, key).or(() -> fm.itemPlace(rule.field(), index)),
                                rule.message() + "; item " + (i + 1) + "'s " + key + " is " + foundItem(map.get(key), spelling, false)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * A finding about the item at {@code path}, at its place, or, where the parser gave none (a
     * front matter built in code), at its list's key.
     */
    private static Finding at(FrontMatter fm, String field, String path, Optional<Place> place, String message) {
        return place.map(where -> new Finding(message, path, where.line(), where.column()))
                .orElseGet(() -> new Finding(message, path, fm.line(field), null));
    }

    /**
     * What an item of a list whose items need {@code keys} lacks, in the author's words ("has no
     * anchor"); empty when it has them all, none empty.
     */
    private static Optional<String> lacking(Object item, List<String> keys) {
        if (item == null || item instanceof String text && text.isBlank()) {
            return Optional.of("is empty");
        }
        List<String> missing = keys.stream()
                .filter(key -> !(item instanceof Map<?, ?> map) || map.get(key) == null || map.get(key).toString().isBlank())
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String lacks = "has no " + String.join(" and no ", missing);
        return Optional.of(item instanceof Map<?, ?> ? lacks : "is " + kind(item) + ", which " + lacks);
    }

    /** An item that is no map, in the author's words. */
    private static String kind(Object item) {
        if (item instanceof String text) {
            return "the text \"" + text + "\"";
        }
        if (item instanceof List<?> list) {
            return "a list of " + list.size() + (list.size() == 1 ? " item" : " items");
        }
        if (item instanceof Number number) {
            return "the number " + shown(number);
        }
        if (item instanceof Boolean yes) {
            return "the boolean " + yes;
        }
        return item instanceof byte[] ? "binary data (a !!binary value)" : "a " + item.getClass().getSimpleName() + " value";
    }

    /**
     * An item (or, not whole, a value in an item) that is no text, and the quoted value to
     * write when the parser kept its spelling.
     */
    private static String foundItem(Object item, Optional<String> spelling, boolean whole) {
        if (spelling.isPresent() && (item instanceof Boolean || item instanceof Number)) {
            String read = item instanceof Number number ? "the number " + shown(number) : "the boolean " + item;
            return read + ", which is how YAML reads an unquoted " + spelling.get() + ": quote it to keep it as written, \""
                    + spelling.get() + "\"";
        }
        if (item instanceof List<?> list) {
            return "a list of " + list.size() + (list.size() == 1 ? " item" : " items") + ": quote it if you mean the text";
        }
        if (item instanceof Map<?, ?> map) {
            return "a map with the keys " + map.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (whole ? " (a \"key: value\" item)" : "") + ": quote it if you mean the text";
        }
        if (item instanceof Boolean || item instanceof Number) {
            return (item instanceof Boolean ? "the boolean " : "the number ") + item + ": quote it if you mean the text";
        }
        return item instanceof byte[] ? "binary data (a !!binary value)" : "a " + item.getClass().getSimpleName() + " value";
    }

    /**
     * A number as a page shows it: the shortest decimal, without a trailing ".0" (Hugo shows
     * the YAML float 1.0 as 1, and 1e3 as 1000), and infinity and not-a-number in words.
     */
    static String shown(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isNaN(value)) {
                return "not-a-number";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? "infinity" : "minus infinity";
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }

    /** An ISO 639-1 code, with a region or script if the author likes: fr, en, fr-CA, pt_BR, zh-Hant. */
    private static boolean isLanguageCode(String value) {
        return LANGUAGE_TAG.matcher(value.strip()).matches() && LANGUAGES.contains(LanguageResolver.normalise(value));
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
