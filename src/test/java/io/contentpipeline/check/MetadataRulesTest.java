package io.contentpipeline.check;

import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.Severity;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.parse.ArticleParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MetadataRulesTest {

    private final MetadataRules rules = MetadataRules.load("metadata-rules.yaml");

    private List<Problem> check(Map<String, Object> fields) {
        return rules.check(new FrontMatter(fields, Map.of()));
    }

    private static Map<String, Object> valid() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "Titre");
        fields.put("date", "2025-07-25");
        fields.put("author", "A");
        return fields;
    }

    /** Hugo refuses a url with a scheme and then builds none of the site's pages. */
    @Test
    void aUrlMustBeAPathOnTheSite() {
        Map<String, Object> path = valid();
        path.put("url", "/blogue/mon-article/");
        Map<String, Object> absolute = valid();
        absolute.put("url", "https://www.antoine-blot.com/blogue/role-cmo-pme/");

        assertThat(check(path)).isEmpty();
        assertThat(check(absolute)).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.field()).isEqualTo("url");
            assertThat(problem.message()).contains("path on the site", "canonical_url", "https://www.antoine-blot.com/blogue/role-cmo-pme/");
        });
    }

    /** The author is told what to write, not only what is wrong. */
    @Test
    void aMissingOrMalformedDateSaysWhatToWrite() {
        Map<String, Object> missing = valid();
        missing.remove("date");
        Map<String, Object> badUpdated = valid();
        badUpdated.put("updated", "21/09/2025");

        assertThat(check(missing)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("date");
            assertThat(problem.message()).isEqualTo("date is missing: add the date of publication, as in date: 2025-07-25");
        });
        assertThat(check(badUpdated)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("updated");
            assertThat(problem.message()).contains("for example 2025-09-21");
        });
    }

    @Test
    void aCompleteFrontMatterPasses() {
        Map<String, Object> fields = valid();
        fields.put("updated", "2025-09-21T10:00:00-04:00");
        fields.put("canonical_url", "https://example.com/a/");
        fields.put("robots", "index, follow");
        fields.put("related_articles", List.of(Map.of("url", "https://example.com/b/", "anchor", "B")));
        assertThat(check(fields)).isEmpty();
    }

    @Test
    void everyErrorOfTheIssueIsReported() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("date", "2025-07-25");
        fields.put("updated", "2025-07-01");
        fields.put("canonical_url", "/blogue/x/");
        fields.put("robots", "index, nosnippet");
        fields.put("seo_keywords", "a, b");
        fields.put("related_articles", List.of(Map.of("url", "https://example.com/b/")));

        assertThat(check(fields)).filteredOn(Problem::isError).extracting(Problem::field)
                .containsExactlyInAnyOrder("title", "updated", "canonical_url", "robots", "seo_keywords", "related_articles");
    }

    @Test
    void whatAuthorsGetWrongInDatesTypesAndLanguagesIsAnError() {
        Map<String, Object> fields = valid();
        fields.put("date", "2024-02-30");
        fields.put("title", List.of("a", "b"));
        fields.put("lang", "klingon");
        assertThat(check(fields)).filteredOn(Problem::isError).extracting(Problem::field)
                .containsExactlyInAnyOrder("date", "title", "lang");

        Map<String, Object> leapDay = valid();
        leapDay.put("date", "2023-02-29");
        assertThat(check(leapDay)).extracting(Problem::field).contains("date");
    }

    @Test
    void aTextFieldYamlReadAsABooleanAListOrAMapIsAnErrorAtItsLineThatSaysWhatWasFound() {
        Map<String, Object> fields = valid();
        fields.put("title", true);
        fields.put("description", List.of("SEO", "Marketing"));
        fields.put("summary", new LinkedHashMap<>(Map.of("fr", "Résumé")));

        assertThat(rules.check(new FrontMatter(fields, Map.of("title", 2, "description", 5, "summary", 6))))
                .filteredOn(Problem::isError).extracting(Problem::code, Problem::field, Problem::line, Problem::message)
                .containsExactlyInAnyOrder(
                        tuple("metadata.text", "title", 2, "title must be text; found the boolean true, which is how YAML reads"
                                + " an unquoted yes, on or true: quote it if you mean the word"),
                        tuple("metadata.text", "description", 5, "description must be text; found a list of 2 items (YAML reads"
                                + " [brackets] and lines that start with \"- \" as a list): quote it if you mean the text"),
                        tuple("metadata.text", "summary", 6, "summary must be text; found a map with the keys fr (YAML reads"
                                + " {braces} and indented \"key: value\" lines as a map): quote it if you mean the text"));

        fields.put("title", false);
        assertThat(check(fields)).extracting(Problem::message).contains("title must be text; found the boolean false,"
                + " which is how YAML reads an unquoted no, off or false: quote it if you mean the word");
    }

    @Test
    void aNumberIsTextAsYamlReadsIt() {
        Map<String, Object> fields = valid();
        fields.put("title", 2024);
        fields.put("description", 3.5);
        fields.put("summary", 42L);

        assertThat(check(fields)).isEmpty();
    }

    @Test
    void aNumberOrBooleanIsTextOrALanguageCodeOnlyWhenShownAsTyped() {
        Map<String, Object> fields = valid();
        fields.put("title", 1.0);
        fields.put("description", 3.5);
        fields.put("summary", Double.POSITIVE_INFINITY);
        fields.put("lang", false);
        FrontMatter typed = new FrontMatter(fields, Map.of("title", 2, "lang", 5),
                Map.of("title", "1.0", "description", "3.5", "summary", ".inf", "lang", "no"));

        assertThat(rules.check(typed)).filteredOn(Problem::isError).extracting(Problem::field, Problem::message)
                .containsExactlyInAnyOrder(
                        tuple("title", "title must be text; found the number 1, which is how YAML reads an unquoted 1.0:"
                                + " quote it to keep it as written, as in title: \"1.0\""),
                        tuple("summary", "summary must be text; found the number infinity, which is how YAML reads an unquoted .inf:"
                                + " quote it to keep it as written, as in summary: \".inf\""),
                        tuple("lang", "lang is not an ISO 639-1 language code (for example fr, en or fr-CA); found the boolean false,"
                                + " which is how YAML reads an unquoted no: quote it to keep it as written, as in lang: \"no\""));
    }

    /**
     * Keywords and tags are texts item by item: what YAML read otherwise is named by its place,
     * one problem an item; a front matter that says no item's line (built in code) has them at
     * the list's key.
     */
    @Test
    void aListItemThatIsNoTextIsNamedByItsPlace() {
        Map<String, Object> fields = valid();
        fields.put("seo_keywords", List.of("marketing", true, 1.0, 2024));
        fields.put("tags", List.of(List.of("a"), "b"));
        fields.put("keywords", "a, b");
        FrontMatter typed = new FrontMatter(fields, Map.of("seo_keywords", 4, "tags", 5),
                Map.of("seo_keywords.1", "on", "seo_keywords.2", "1.0", "seo_keywords.3", "2024"));

        assertThat(rules.check(typed)).filteredOn(Problem::isError).extracting(Problem::code, Problem::field, Problem::line, Problem::message)
                .containsExactlyInAnyOrder(
                        tuple("metadata.text-items", "seo_keywords", 4, "every seo_keywords item must be text;"
                                + " item 2 is the boolean true, which is how YAML reads an unquoted on: quote it to keep it as written, \"on\""),
                        tuple("metadata.text-items", "seo_keywords", 4, "every seo_keywords item must be text;"
                                + " item 3 is the number 1, which is how YAML reads an unquoted 1.0: quote it to keep it as written, \"1.0\""),
                        tuple("metadata.text-items", "tags", 5, "every tags item must be text; item 1 is a list of 1 item:"
                                + " quote it if you mean the text"));
        assertThat(rules.textRules().check(typed)).extracting(Problem::field).containsExactlyInAnyOrder("seo_keywords", "seo_keywords", "tags");
        assertThat(rules.textRules().checkTranslated(typed)).as("a return's fields are named by segment id, items from 0")
                .extracting(Problem::field).containsExactlyInAnyOrder("fm.seo_keywords.1", "fm.seo_keywords.2", "fm.tags.0");
    }

    /**
     * A problem with one item of a list is reported at that item's line and column, as the YAML
     * parser marked it, in a list of texts written one a line or in [brackets], and in a list of
     * maps (a value in an item at the value, an item lacking a key at the item); not at the
     * list's key, with "item 5" to count down to.
     */
    @Test
    void aProblemWithOneItemIsAtTheItemsLineAndColumn() {
        String text = """
                ---
                title: Mon article
                date: 2024-05-01
                tags:
                  - marketing
                  - ""
                  - 42
                  - yes
                seo_keywords: [un, 1.0, oui]
                related_articles:
                  - url: /blogue/a/
                    anchor: Lien
                  - url: /blogue/b/
                    anchor: on
                  - url: /blogue/c/
                  - {}
                ---

                Corps.
                """;
        FrontMatter frontMatter = new ArticleParser(1_000_000)
                .parseText(new SourceFile("mon-article.md", Path.of("mon-article.md"), text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH), text)
                .frontMatter();

        assertThat(rules.check(frontMatter)).filteredOn(Problem::isError)
                .extracting(Problem::code, Problem::field, Problem::line, Problem::column, Problem::message)
                .containsExactlyInAnyOrder(
                        tuple("metadata.text-items", "tags", 8, 5, "every tags item must be text; item 4 is the boolean true,"
                                + " which is how YAML reads an unquoted yes: quote it to keep it as written, \"yes\""),
                        tuple("metadata.text-items", "seo_keywords", 9, 20, "every seo_keywords item must be text; item 2 is the"
                                + " number 1, which is how YAML reads an unquoted 1.0: quote it to keep it as written, \"1.0\""),
                        tuple("metadata.text-items", "related_articles", 14, 13, "the url and anchor of every related_articles item"
                                + " must be text; item 2's anchor is the boolean true, which is how YAML reads an unquoted on:"
                                + " quote it to keep it as written, \"on\""),
                        tuple("metadata.items-have", "related_articles", 15, 5, "every related_articles item needs a url and an anchor;"
                                + " item 3 has no anchor"),
                        tuple("metadata.items-have", "related_articles", 16, 5, "every related_articles item needs a url and an anchor;"
                                + " item 4 has no url and no anchor"));
    }

    @Test
    void whatAuthorsWriteOnPurposePasses() {
        Map<String, Object> fields = valid();
        fields.put("date", "2024-02-29");
        fields.put("lang", "fr-CA");
        fields.put("ai_tags", null);
        fields.put("seo_keywords", "");
        // A plain date is the whole day: an update dated the same day as an evening publication is not earlier.
        fields.put("date", "2024-03-05T23:30:00-05:00");
        fields.put("updated", "2024-03-05");
        assertThat(check(fields)).isEmpty();

        fields.put("updated", "2024-03-04");
        assertThat(check(fields)).extracting(Problem::field).containsExactly("updated");
    }

    @Test
    void warningsForMissingAuthorAndLongTitleAndDescription() {
        Map<String, Object> fields = valid();
        fields.remove("author");
        fields.put("title", "x".repeat(71));
        fields.put("description", "y".repeat(161));

        assertThat(check(fields)).allMatch(p -> p.severity() == Severity.WARNING)
                .extracting(Problem::field).containsExactlyInAnyOrder("author", "title", "description");
    }

    @Test
    void hugoDateFormsAreAcceptedAndOthersAreNot() {
        for (String ok : List.of("2025-07-25", "2019-01-03T14:00:04.407Z", "2023-10-30T11:00:29",
                "2018-06-14 09:00:00 -0400", "2025-07-25T09:30:00-04:00", "2025-07-25 09:30:00")) {
            assertThat(IsoDates.parse(ok)).as(ok).isPresent();
        }
        for (String bad : List.of("25/07/2025", "2025-7-25", "July 25, 2025", "2025-13-01", "")) {
            assertThat(IsoDates.parse(bad)).as(bad).isEmpty();
        }
    }
}
