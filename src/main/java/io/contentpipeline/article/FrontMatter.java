package io.contentpipeline.article;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata block of an article, in the author's key order, unknown keys kept.
 * Values are what the YAML said: strings, numbers, booleans, lists and maps.
 * {@code lines} maps each top-level key to its line in the original file, for messages.
 * {@code spellings} maps each top-level key whose value YAML read as a number or a boolean
 * to the value as the author typed it ({@code 1e3}, {@code no}), so that a check can say
 * what YAML made of it; the same for the items of a top-level list, under
 * {@link #itemKey} ({@code seo_keywords.0}), and for the values of such an item that is a
 * map ({@code related_articles.0.anchor}). {@code places} maps, under the same keys, each
 * item of a top-level list and each value of such an item that is a map to where it starts
 * in the file, so that a problem with one item is reported there, not at its list's key.
 */
public record FrontMatter(Map<String, Object> fields, Map<String, Integer> lines, Map<String, String> spellings,
                          Map<String, Place> places) {

    public FrontMatter {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        lines = Map.copyOf(lines);
        spellings = Map.copyOf(spellings);
        places = Map.copyOf(places);
    }

    public FrontMatter(Map<String, Object> fields, Map<String, Integer> lines, Map<String, String> spellings) {
        this(fields, lines, spellings, Map.of());
    }

    public FrontMatter(Map<String, Object> fields, Map<String, Integer> lines) {
        this(fields, lines, Map.of());
    }

    public static FrontMatter empty() {
        return new FrontMatter(Map.of(), Map.of());
    }

    public boolean has(String key) {
        Object value = fields.get(key);
        return value != null && !(value instanceof String s && s.isBlank());
    }

    public Object get(String key) {
        return fields.get(key);
    }

    /** The value as trimmed text when it is a scalar; empty for missing, blank, lists and maps. */
    public Optional<String> text(String key) {
        Object value = fields.get(key);
        if (value == null || value instanceof Map || value instanceof List) {
            return Optional.empty();
        }
        String text = value.toString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public Integer line(String key) {
        return lines.get(key);
    }

    /** How the author typed a top-level value YAML read as a number or a boolean; empty for any other value. */
    public Optional<String> spelling(String key) {
        return Optional.ofNullable(spellings.get(key));
    }

    /** How the author typed an item of a top-level list that YAML read as a number or a boolean; empty for any other. */
    public Optional<String> itemSpelling(String key, int index) {
        return Optional.ofNullable(spellings.get(itemKey(key, index)));
    }

    /** How the author typed the value under {@code name} of a top-level list's item that is a map, when YAML read it as a number or a boolean. */
    public Optional<String> itemSpelling(String key, int index, String name) {
        return Optional.ofNullable(spellings.get(itemKey(itemKey(key, index), name)));
    }

    /** Where an item of a top-level list starts in the file; empty when the parser did not say (a front matter built in code). */
    public Optional<Place> itemPlace(String key, int index) {
        return Optional.ofNullable(places.get(itemKey(key, index)));
    }

    /** Where the value under {@code name} of a top-level list's item that is a map starts in the file. */
    public Optional<Place> itemPlace(String key, int index, String name) {
        return Optional.ofNullable(places.get(itemKey(itemKey(key, index), name)));
    }

    /** The key under which an item's spelling is kept: the field, a dot and the item's index from 0. */
    public static String itemKey(String key, int index) {
        return key + "." + index;
    }

    /** The key under which the spelling of a value in an item that is a map is kept: the item's key, a dot and the value's name. */
    public static String itemKey(String itemKey, String name) {
        return itemKey + "." + name;
    }

    /** A copy with one field set (or removed when value is null), keeping key order. */
    public FrontMatter with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        Map<String, String> otherSpellings = new LinkedHashMap<>(spellings);
        otherSpellings.remove(key);
        otherSpellings.keySet().removeIf(spelt -> spelt.startsWith(key + "."));
        Map<String, Place> otherPlaces = new LinkedHashMap<>(places);
        otherPlaces.keySet().removeIf(placed -> placed.startsWith(key + "."));
        return new FrontMatter(copy, lines, otherSpellings, otherPlaces);
    }
}
