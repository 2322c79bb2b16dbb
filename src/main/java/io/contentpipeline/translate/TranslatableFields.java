package io.contentpipeline.translate;

import io.contentpipeline.article.FrontMatter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which front-matter fields a translator translates. Everything else (author, dates,
 * canonical_url, robots, link URLs) stays with the source and is merged back on publishing.
 */
public final class TranslatableFields {

    public static final List<String> SCALARS_AND_LISTS = List.of("title", "description", "summary", "seo_keywords", "ai_tags");
    public static final String RELATED = "related_articles";
    public static final String RELATED_TEXT = "anchor";
    /** Source fields that are wrong for another language's page. */
    private static final Set<String> SOURCE_ONLY = Set.of("canonical_url", "lang", "language", "translation");

    private TranslatableFields() {
    }

    /** The translatable part of a source front matter, for a draft. */
    public static Map<String, Object> extract(FrontMatter source) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String key : SCALARS_AND_LISTS) {
            if (source.has(key)) {
                fields.put(key, source.get(key));
            }
        }
        if (source.get(RELATED) instanceof List<?> items) {
            List<Map<String, Object>> anchors = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> anchorOnly = new LinkedHashMap<>();
                    anchorOnly.put(RELATED_TEXT, map.get(RELATED_TEXT));
                    anchors.add(anchorOnly);
                }
            }
            fields.put(RELATED, anchors);
        }
        return fields;
    }

    /**
     * A translation's full front matter: the source's fields with the translated ones laid
     * over them; related articles keep the source's URLs and take the translated anchors.
     */
    public static Map<String, Object> merge(FrontMatter source, FrontMatter translation) {
        Map<String, Object> merged = new LinkedHashMap<>();
        source.fields().forEach((key, value) -> {
            if (!SOURCE_ONLY.contains(key) && !SCALARS_AND_LISTS.contains(key)) {
                merged.put(key, value);
            }
        });
        for (String key : SCALARS_AND_LISTS) {
            if (translation.has(key)) {
                merged.put(key, translation.get(key));
            }
        }
        if (source.get(RELATED) instanceof List<?> sourceItems) {
            List<?> translated = translation.get(RELATED) instanceof List<?> list ? list : List.of();
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < sourceItems.size(); i++) {
                if (!(sourceItems.get(i) instanceof Map<?, ?> sourceItem)) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                sourceItem.forEach((k, v) -> item.put(String.valueOf(k), v));
                if (i < translated.size() && translated.get(i) instanceof Map<?, ?> t && t.get(RELATED_TEXT) != null) {
                    item.put(RELATED_TEXT, t.get(RELATED_TEXT));
                }
                items.add(item);
            }
            merged.put(RELATED, items);
        }
        return merged;
    }
}
