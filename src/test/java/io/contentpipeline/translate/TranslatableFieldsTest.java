package io.contentpipeline.translate;

import io.contentpipeline.article.FrontMatter;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a published translation keeps, and what it takes from its source, when the source changes. */
class TranslatableFieldsTest {

    private static FrontMatter frontMatter(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FrontMatter(fields, Map.of());
    }

    private static Map<String, Object> link(String url, String anchor) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("url", url);
        item.put("anchor", anchor);
        return item;
    }

    @Test
    void everythingButTheTranslatedFieldsComesFromTheNewSource() {
        FrontMatter published = frontMatter("title", "Why open source matters", "draft", true, "author", "Old author",
                "date", "2020-02-24", "tags", List.of("old"), "seo_keywords", List.of("open source"));
        FrontMatter source = frontMatter("title", "Pourquoi le code source libre", "author", "Nouvel auteur",
                "date", "2020-02-25", "tags", List.of("libre"), "canonical_url", "https://example.com/fr/", "lang", "fr",
                "seo_keywords", List.of("code source libre"));

        Map<String, Object> refreshed = TranslatableFields.refresh(source, published);

        assertThat(refreshed).doesNotContainKeys("draft", "canonical_url", "lang")
                .containsEntry("author", "Nouvel auteur").containsEntry("date", "2020-02-25")
                .containsEntry("tags", List.of("libre"))
                .containsEntry("title", "Why open source matters")
                .containsEntry("seo_keywords", List.of("open source"));
    }

    @Test
    void hugosMenuTitleAndKeywordsGoToTheTranslatorAndTheirTranslationIsPublished() {
        // As on the OpenTelemetry docs' French pages: linkTitle is what menus and breadcrumbs show.
        FrontMatter source = frontMatter("title", "Instrumentation personnalisée pour Java", "linkTitle", "Instrumentation personnalisée",
                "keywords", List.of("instrumentation", "traces"), "weight", 20);
        FrontMatter translated = frontMatter("title", "Custom instrumentation for Java", "linkTitle", "Custom instrumentation",
                "keywords", List.of("instrumentation", "traces"));

        assertThat(TranslatableFields.extract(source)).containsOnlyKeys("title", "linkTitle", "keywords");
        assertThat(TranslatableFields.refresh(source, translated))
                .containsEntry("linkTitle", "Custom instrumentation")
                .containsEntry("keywords", List.of("instrumentation", "traces"))
                .containsEntry("weight", 20);
    }

    @Test
    void aTranslatedFieldTheSourceNoLongerHasIsDropped() {
        FrontMatter published = frontMatter("title", "Title", "ai_tags", List.of("Marketing"));
        FrontMatter source = frontMatter("title", "Titre");

        assertThat(TranslatableFields.refresh(source, published)).doesNotContainKey("ai_tags");
    }

    @Test
    void relatedArticlesKeepTheirTranslatedAnchorsByUrlWhenMovedOrAddedAndByPlaceWhenTheirUrlChanged() {
        FrontMatter published = frontMatter("title", "T", "related_articles", List.of(
                link("https://example.com/a/", "Structuring marketing"),
                link("https://example.com/b/", "Comparison guide"),
                link("https://example.com/c/", "Marketing director")));
        // a and b swapped, c's page moved, one article added at the end.
        FrontMatter source = frontMatter("title", "T", "related_articles", List.of(
                link("https://example.com/b/", "Guide comparatif"),
                link("https://example.com/a/", "Structurer le marketing"),
                link("https://example.com/c-moved/", "Directeur marketing"),
                link("https://example.com/new/", "Un nouvel article")));

        Object related = TranslatableFields.refresh(source, published).get("related_articles");

        assertThat(related).isEqualTo(List.of(
                link("https://example.com/b/", "Comparison guide"),
                link("https://example.com/a/", "Structuring marketing"),
                link("https://example.com/c-moved/", "Marketing director"),
                link("https://example.com/new/", "Un nouvel article")));
    }

    @Test
    void aReturnStillTakesItsAnchorsInTheDraftsOrder() {
        FrontMatter source = frontMatter("title", "T", "related_articles", List.of(
                link("https://example.com/a/", "Structurer"), link("https://example.com/b/", "Comparer")));
        FrontMatter returned = frontMatter("title", "T", "related_articles", List.of(
                Map.of("anchor", "Structuring"), Map.of("anchor", "Comparing")));

        assertThat(TranslatableFields.merge(source, returned).get("related_articles")).isEqualTo(List.of(
                link("https://example.com/a/", "Structuring"), link("https://example.com/b/", "Comparing")));
    }

    @Test
    void aLateReturnForAnOlderVersionTakesItsAnchorsByUrlFromTheVersionItTranslates() {
        FrontMatter translatedVersion = frontMatter("title", "T", "related_articles", List.of(
                link("https://example.com/a/", "Structurer"), link("https://example.com/b/", "Comparer")));
        FrontMatter current = frontMatter("title", "T2", "author", "Nouvel auteur", "related_articles", List.of(
                link("https://example.com/b/", "Comparer"), link("https://example.com/new/", "Nouveau"),
                link("https://example.com/a/", "Structurer")));
        FrontMatter returned = frontMatter("title", "Title", "related_articles", List.of(
                Map.of("anchor", "Structuring"), Map.of("anchor", "Comparing")));

        Map<String, Object> merged = TranslatableFields.mergeOutdated(current, translatedVersion, returned);

        assertThat(merged).containsEntry("title", "Title").containsEntry("author", "Nouvel auteur");
        assertThat(merged.get("related_articles")).isEqualTo(List.of(
                link("https://example.com/b/", "Comparing"), link("https://example.com/new/", "Nouveau"),
                link("https://example.com/a/", "Structuring")));
    }

    @Test
    void aPublishedPageIsPutBackInTheOrderOfTheVersionItTranslatesForLearning() {
        FrontMatter version = frontMatter("title", "T", "related_articles", List.of(
                link("https://example.com/a/", "Structurer"), link("https://example.com/b/", "Comparer"),
                link("https://example.com/c/", "Directeur")));
        // The page follows a newer source: b first, c's link changed, an item the translation never had.
        FrontMatter page = frontMatter("title", "Title", "related_articles", List.of(
                link("https://example.com/b/", "Comparing"), link("https://example.com/new/", "Nouveau"),
                link("https://example.com/c-moved/", "Director"), link("https://example.com/a/", "Structuring")));

        assertThat(TranslatableFields.inOrderOf(version, page).get("related_articles")).isEqualTo(List.of(
                link("https://example.com/a/", "Structuring"), link("https://example.com/b/", "Comparing"),
                link("https://example.com/c/", "Director")));
    }
}
