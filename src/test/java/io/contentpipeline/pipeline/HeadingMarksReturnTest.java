package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real French translation of the CDS post "GC Notify has reached Beta", returned by
 * Markdown: three of its headings came back as plain lines. The return is accepted, each
 * heading is published as a heading again, and bundle.json says which. Its banner image's
 * alt text ({@code image-alt}) is translated with the other fields.
 */
class HeadingMarksReturnTest {

    private static final String EN = "corpus/pairs/cds-blog-notify-beta/en.md";
    private static final String FR = "corpus/pairs/cds-blog-notify-beta/fr.md";
    private static final String SLUG = "notify-beta";

    @TempDir
    Path temp;

    @Test
    void headingsReturnedAsPlainLinesArePublishedAsHeadings() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.targets", "FR"));
        home.dropResource(EN, SLUG + ".md");
        assertThat(home.runOnce()).isZero();
        String draft = home.read("outbox/translations/FR/" + SLUG + ".md");
        // The banner image's alt text is reader text: in the draft, and translated on the page.
        assertThat(draft).contains("image-alt: 'A laptop and phone showing the GC Notify home page in Beta. '");

        // The French page has no summary field, which the draft asks for: the translator writes one.
        String french = PipelineHome.resource(FR).replaceFirst("\ndescription:", "\nsummary: Notification GC passe en version bêta.\ndescription:");
        home.drop("inbox/translations/FR/" + SLUG + ".md", Translator.fill(draft, french));
        assertThat(home.runOnce()).isZero();

        String published = home.read("outbox/published/" + SLUG + "/index.fr.md");
        assertThat(published).contains("\n## Qu’est-ce que la phase « bêta » signifie pour Notification GC?\n",
                "\n## Nous sommes là pour vous aider — pendant comme après la pandémie");
        assertThat(published).contains("image-alt: Un ordinateur portatif et un téléphone intelligent").doesNotContain("A laptop and phone");
        JsonNode frenchEntry = home.bundle(SLUG).get("languages").get("fr");
        assertThat(frenchEntry.get("status").asText()).isEqualTo("current");
        assertThat(frenchEntry.get("warnings")).filteredOn(w -> w.get("code").asText().equals("heading-restored")).hasSize(3)
                .allSatisfy(w -> assertThat(w.get("message").asText()).contains("published as a level-2 heading"));
        // The French file as published carries its own layout, author, date...: not taken, and said so.
        assertThat(frenchEntry.get("warnings")).filteredOn(w -> w.get("code").asText().equals("field-ignored")).singleElement()
                .satisfies(w -> assertThat(w.get("message").asText()).contains("layout", "author", "translationKey", "comes from the source")
                        .contains(" are not translatable fields and are not published: ").doesNotContain(" is not"));
        assertThat(home.files("outbox/rejected")).isEmpty();
    }
}
