package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

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
}
