package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** With pseudo-translation on, a newcomer sees the whole round trip in one run, without a translator. */
class PseudoTranslationTest {

    @TempDir
    Path temp;

    @Test
    void draftsComeBackPseudoTranslatedThroughTheReturnFolderAndJoinTheBundle() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");

        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("warnings")).anySatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("pseudo-translation"))
                .as("its [brackets] are not links").noneSatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("structure-links"))
                .as("it keeps the source's French spacing on purpose").noneSatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("typography"));
        String markdown = home.read("outbox/published/role-cmo-pme/index.en.md");
        assertThat(markdown).contains("### [Ŕôĺé ÇMÖ PMÉ : Ďéfîñîtîöñ páŕ BĹÖT Àñtöîñé ~")
                .contains("url: https://www.antoine-blot.com/responsable-marketing/")
                .contains("1 à 2 ");
        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.eventNames()).contains("translation.accepted");
    }

    /**
     * A source update reuses the accepted pseudo-translation of every unchanged segment: those
     * come back as they were, wrapped once, and only the changed paragraph is pseudo-translated.
     */
    @Test
    void anUpdateReusesTheEarlierPseudoTranslationWithoutWrappingItAgain() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");
        String before = home.read("outbox/published/role-cmo-pme/index.en.md");
        String heading = "### [Ŕôĺé ÇMÖ PMÉ : Ďéfîñîtîöñ páŕ BĹÖT Àñtöîñé ~";
        assertThat(before).contains(heading);

        home.drop("inbox/role.md", PipelineHome.resource(SeedArticleTest.SEED).replace("il n'exécute pas les tâches.",
                "il n'exécute pas les tâches lui-même."));
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).as(() -> home.files("outbox/rejected").stream().filter(f -> f.endsWith(".json"))
                .map(f -> home.read("outbox/rejected/" + f)).toList().toString()).isEmpty();
        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("source_version").asInt()).isEqualTo(2);
        String after = home.read("outbox/published/role-cmo-pme/index.en.md");
        assertThat(after).as("no segment wrapped twice").doesNotContain("[[").contains(heading)
                .contains("îĺ ñ'éxéçüté páš ĺéš tâçhéš ĺüî-mêmé. ~");
        assertThat(body(after)).as("every other segment as accepted for version 1")
                .isEqualTo(body(before).replace("îĺ ñ'éxéçüté páš ĺéš tâçhéš.", "îĺ ñ'éxéçüté páš ĺéš tâçhéš ĺüî-mêmé."));
    }

    private static String body(String page) {
        Matcher separator = Pattern.compile("\n---\n").matcher(page);
        assertThat(separator.find()).isTrue();
        return page.substring(separator.end()).replaceAll(" ~+]", " ~]");
    }
}
