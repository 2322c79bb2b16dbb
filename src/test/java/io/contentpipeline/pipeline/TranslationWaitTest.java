package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static io.contentpipeline.pipeline.SeedArticleTest.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a target language has waited (bundle.json's translations.&lt;lang&gt;.requested_at,
 * the status line's longest wait): from the first request not answered by a current
 * translation, whatever source versions come meanwhile.
 */
class TranslationWaitTest {

    private static final String SLUG = "role-cmo-pme";

    @TempDir
    Path temp;

    /** The seed with a new author: nothing a translator translates. */
    private static String newAuthor(String seed) {
        return seed.replace("author: \"BLOT Antoine\"", "author: \"Antoine Blot\"");
    }

    /** The seed with one sentence changed: work for a translator. */
    private static String changedSentence(String seed) {
        return seed.replace("il n'exécute pas les tâches", "il ne réalise pas les tâches lui-même");
    }

    private static JsonNode en(PipelineHome home) {
        return home.bundle(SLUG).get("translations").get("en");
    }

    @Test
    void aRequestStillUnansweredKeepsItsWaitThroughNewSourceVersionsAndALateOutdatedReturn() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String v1Return = Translator.englishSeedReturn(home);
        String requestedAt = en(home).get("requested_at").asText();

        JsonNode before = en(home);
        home.drop("inbox/role.md", newAuthor(PipelineHome.resource(SEED)));
        assertThat(home.runOnce()).isZero();
        JsonNode state = en(home);
        assertThat(state).as("a metadata change asks nothing new: the version 1 draft out stands for version 2").isEqualTo(before);
        assertThat(state.get("status").asText()).isEqualTo("requested");
        assertThat(state.get("requested_version").asInt()).isEqualTo(1);
        assertThat(state.get("requested_at").asText()).isEqualTo(requestedAt);

        home.drop("inbox/role.md", changedSentence(newAuthor(PipelineHome.resource(SEED))));
        assertThat(home.runOnce()).isZero();
        state = en(home);
        assertThat(state.get("requested_version").asInt()).isEqualTo(3);
        assertThat(state.get("requested_at").asText()).as("new work adds to work still owed").isEqualTo(requestedAt);

        home.drop("inbox/translations/EN/late.md", v1Return);
        assertThat(home.runOnce()).isZero();
        state = en(home);
        assertThat(state.get("status").asText()).isEqualTo("outdated");
        assertThat(state.get("requested_at").asText()).as("still no current translation").isEqualTo(requestedAt);
    }

    @Test
    void aCurrentTranslationEndsTheWaitAndTheNextVersionWithWorkStartsANewOneThatAMetadataChangeKeeps() {
        PipelineHome home = new PipelineHome(temp);
        Translator.acceptEnglishSeed(home, "en.md");
        Instant accepted = Instant.parse(home.bundle(SLUG).get("languages").get("en").get("accepted_at").asText());

        home.drop("inbox/role.md", changedSentence(PipelineHome.resource(SEED)));
        assertThat(home.runOnce()).isZero();
        JsonNode state = en(home);
        assertThat(state.get("status").asText()).isEqualTo("outdated");
        String requestedAt = state.get("requested_at").asText();
        assertThat(Instant.parse(requestedAt)).isAfter(accepted);

        home.drop("inbox/role.md", newAuthor(changedSentence(PipelineHome.resource(SEED))));
        assertThat(home.runOnce()).isZero();
        state = en(home);
        assertThat(state.get("status").asText()).isEqualTo("outdated");
        assertThat(state.get("requested_version").asInt()).as("version 2's draft, still out, stands for version 3").isEqualTo(2);
        assertThat(state.get("requested_at").asText()).isEqualTo(requestedAt);
        assertThat(home.read("outbox/translations/EN/" + SLUG + ".md")).contains("source_version: 2");
    }
}
