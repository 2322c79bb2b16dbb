package io.contentpipeline.translate;

import io.contentpipeline.article.FrontMatter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which front-matter fields a translator translates. Everything else (author, dates, robots,
 * link URLs) stays with the source and is merged back on publishing, but for what only the
 * source's page may say (canonical_url, Hugo's url and aliases, its language).
 */
public final class TranslatableFields {

    /**
     * Reader text. {@code image-alt} is what a screen reader says for the page's banner image
     * (the CDS articles have one); {@code linkTitle} is Hugo's short title, shown in menus and
     * breadcrumbs (the OpenTelemetry docs set it on most pages, and their French pages
     * translate it); {@code keywords} is Hugo's list for the page's keywords meta tag. Left
     * out, the other language's page would show the source's words in its menus.
     */
    public static final List<String> SCALARS_AND_LISTS = List.of("title", "linkTitle", "description", "summary", "seo_keywords",
            "keywords", "ai_tags", "image-alt");
    public static final String RELATED = "related_articles";
    public static final String RELATED_TEXT = "anchor";
    /** The link target of a related article: the source's, never translated. */
    public static final String RELATED_URL = "url";
    /**
     * Source fields that are wrong for another language's page: its language, its canonical
     * URL, and Hugo's {@code url} and {@code aliases}, the source page's own addresses (copied,
     * they give every language one address, and Hugo keeps only one of the pages).
     */
    private static final Set<String> SOURCE_ONLY = Set.of("canonical_url", "url", "aliases", "lang", "language", "translation");

    private TranslatableFields() {
    }

    /**
     * Whether a segment id names a field a translator translates ({@code fm.title},
     * {@code fm.seo_keywords.1}, {@code fm.related_articles.0.anchor}), rather than one the
     * translation takes from the source whatever its file says ({@code fm.tags.0},
     * {@code fm.related_articles.0.url}).
     */
    public static boolean isTranslated(String segmentId) {
        String[] path = segmentId.split("\\.");
        if (path.length < 2 || !path[0].equals("fm")) {
            return false;
        }
        return SCALARS_AND_LISTS.contains(path[1]) || path[1].equals(RELATED) && path.length == 4 && path[3].equals(RELATED_TEXT);
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
     * over them; related articles keep the source's URLs and take the translated anchors,
     * item by item (the draft the translation was made from lists them in the source's order):
     * for a translation of this very source, or of an older one with the same text to translate
     * (carried forward). A translation of an older source goes through {@link #mergeOutdated}.
     */
    public static Map<String, Object> merge(FrontMatter source, FrontMatter translation) {
        Map<String, Object> merged = sourceFields(source);
        for (String key : SCALARS_AND_LISTS) {
            if (translation.has(key)) {
                merged.put(key, translation.get(key));
            }
        }
        if (source.get(RELATED) instanceof List<?> sourceItems) {
            List<?> translated = translation.get(RELATED) instanceof List<?> list ? list : List.of();
            List<Object> anchors = new ArrayList<>();
            for (int i = 0; i < sourceItems.size(); i++) {
                anchors.add(i < translated.size() ? anchorOf(translated.get(i)) : null);
            }
            merged.put(RELATED, related(sourceItems, anchors));
        }
        return merged;
    }

    /**
     * A published translation's front matter once its source changed in ways its translator
     * has not seen (an outdated translation): everything but the translatable fields from the
     * new source (so that {@code draft}, dates or the author follow it), and the translated
     * fields the new source still has. Related articles may have been added, removed or moved:
     * an item takes the translated anchor of the published item with the same URL, else of the
     * one at its place if that one's URL is gone (the link was changed), else keeps the
     * source's anchor until a translation covers it.
     */
    public static Map<String, Object> refresh(FrontMatter source, FrontMatter published) {
        Map<String, Object> merged = sourceFields(source);
        for (String key : SCALARS_AND_LISTS) {
            if (published.has(key) && source.has(key)) {
                merged.put(key, published.get(key));
            }
        }
        if (source.get(RELATED) instanceof List<?> sourceItems) {
            merged.put(RELATED, related(sourceItems, anchorsByUrl(sourceItems, published.get(RELATED))));
        }
        return merged;
    }

    /**
     * A published translation's fields laid out as the draft of the source version it stands
     * for, so that a translation memory pairs each related article's anchor with the text it
     * translates: its page lists related articles in the current source's order ({@link #refresh}),
     * that version's draft in that version's. Each of that version's items takes the page's
     * anchor by URL, else by place (the same matching as {@link #refresh}); one the page has no
     * item for has no anchor, so nothing is learnt for it.
     *
     * @param version the source version the translation stands for, as it was accepted
     */
    public static FrontMatter inOrderOf(FrontMatter version, FrontMatter published) {
        if (!(version.get(RELATED) instanceof List<?> versionItems) || !(published.get(RELATED) instanceof List<?>)) {
            return published;
        }
        List<Object> anchors = anchorsByUrl(versionItems, published.get(RELATED));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < versionItems.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(RELATED_URL, urlOf(versionItems.get(i)));
            if (anchors.get(i) != null) {
                item.put(RELATED_TEXT, anchors.get(i));
            }
            items.add(item);
        }
        return published.with(RELATED, items);
    }

    /**
     * For each source item, the translated anchor of the translation's item with the same URL,
     * else of the one at its place if that one's URL matched no source item (the link was
     * changed); null where there is none.
     */
    private static List<Object> anchorsByUrl(List<?> sourceItems, Object translatedItems) {
        List<?> translated = translatedItems instanceof List<?> list ? list : List.of();
        boolean[] taken = new boolean[translated.size()];
        List<Object> anchors = new ArrayList<>();
        for (Object item : sourceItems) {
            Object url = urlOf(item);
            Object anchor = null;
            for (int j = 0; j < translated.size() && url != null; j++) {
                if (!taken[j] && url.equals(urlOf(translated.get(j)))) {
                    anchor = anchorOf(translated.get(j));
                    taken[j] = true;
                    break;
                }
            }
            anchors.add(anchor);
        }
        for (int i = 0; i < sourceItems.size() && i < translated.size(); i++) {
            if (anchors.get(i) == null && !taken[i]) {
                anchors.set(i, anchorOf(translated.get(i)));
                taken[i] = true;
            }
        }
        return anchors;
    }

    /**
     * A returned translation of an older source version than the current one, not carried
     * forward (so outdated): as it would have been published for the version it translates
     * (its related articles' anchors by place in that version's draft, with that version's
     * URLs), then refreshed to the current source as a published outdated translation is when
     * a new version comes ({@link #refresh}): related articles moved, reordered or added since
     * keep their anchors by URL.
     *
     * @param translatedVersion the source version the translation was made for, as it was accepted
     */
    public static Map<String, Object> mergeOutdated(FrontMatter current, FrontMatter translatedVersion, FrontMatter translation) {
        return refresh(current, new FrontMatter(merge(translatedVersion, translation), Map.of()));
    }

    /** The source's fields a translation takes as they are: all but the translatable ones and those wrong for another language. */
    private static Map<String, Object> sourceFields(FrontMatter source) {
        Map<String, Object> fields = new LinkedHashMap<>();
        source.fields().forEach((key, value) -> {
            // Hugo reads front-matter keys in any case (URL:, Aliases:).
            if (!SOURCE_ONLY.contains(key.toLowerCase(Locale.ROOT)) && !SCALARS_AND_LISTS.contains(key)) {
                fields.put(key, value);
            }
        });
        return fields;
    }

    /** The source's related articles, each with its translated anchor where one is given (null: the source's stays). */
    private static List<Map<String, Object>> related(List<?> sourceItems, List<Object> anchors) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < sourceItems.size(); i++) {
            if (!(sourceItems.get(i) instanceof Map<?, ?> sourceItem)) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            sourceItem.forEach((k, v) -> item.put(String.valueOf(k), v));
            if (anchors.get(i) != null) {
                item.put(RELATED_TEXT, anchors.get(i));
            }
            items.add(item);
        }
        return items;
    }

    private static Object anchorOf(Object item) {
        return item instanceof Map<?, ?> map ? map.get(RELATED_TEXT) : null;
    }

    private static Object urlOf(Object item) {
        return item instanceof Map<?, ?> map ? map.get(RELATED_URL) : null;
    }
}
