package io.contentpipeline.article;

import java.time.Instant;
import java.util.Map;

/** One line of outbox/changelog.jsonl. */
public record ChangelogEvent(Instant time, String event, String slug, String lang, Integer version, String file,
                             Map<String, Object> detail) {

    public static final String ARTICLE_ACCEPTED = "article.accepted";
    public static final String ARTICLE_REJECTED = "article.rejected";
    public static final String ARTICLE_UNCHANGED = "article.unchanged";
    public static final String TRANSLATION_REQUESTED = "translation.requested";
    public static final String TRANSLATION_ACCEPTED = "translation.accepted";
    public static final String TRANSLATION_REJECTED = "translation.rejected";
    public static final String TRANSLATION_UNCHANGED = "translation.unchanged";
    public static final String BUNDLE_PUBLISHED = "bundle.published";

    public ChangelogEvent {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static ChangelogEvent now(String event, String slug, String lang, Integer version, String file,
                                     Map<String, Object> detail) {
        return new ChangelogEvent(Instant.now(), event, slug, lang, version, file, detail);
    }

    /**
     * Events that describe a state reached (accepted, requested, published) happen once per
     * slug, language and version; replaying an input after a crash must not repeat them.
     */
    public boolean happensOnce() {
        return !event.endsWith(".rejected") && !event.endsWith(".unchanged");
    }

    public String onceKey() {
        return event + '|' + slug + '|' + lang + '|' + version;
    }
}
