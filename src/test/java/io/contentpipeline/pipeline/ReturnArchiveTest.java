package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where accepted returns are kept: outbox/archive/translations/, under the time their bundle
 * took them in, their language and the name they were dropped under. Translators of two
 * languages often name their files alike (the pseudo-translator always does), and the
 * language was not in the name: two languages' returns of one slug and version could only be
 * told apart by opening them.
 */
class ReturnArchiveTest {

    private static final String SLUG = "role-cmo-pme";
    private static final String ARCHIVE = "outbox/archive/translations";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void returnsOfTwoLanguagesUnderOneNameAreArchivedEachWithItsLanguage() throws IOException {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true", "pipeline.targets", "EN,ES"));
        home.publishSeed("seed.txt");
        JsonNode languages = home.bundle(SLUG).get("languages");

        List<String> archived = home.files(ARCHIVE);
        assertThat(archived).hasSize(2);
        for (String language : List.of("en", "es")) {
            String stamp = STAMP.format(Instant.parse(languages.get(language).get("accepted_at").asText()));
            String name = stamp + "_" + language + "_" + SLUG + ".pseudo.md";
            assertThat(archived).as("accepted_at, language, the name dropped").contains(name);
            assertThat(Files.readString(home.resolve(ARCHIVE).resolve(name))).contains("\n  target_lang: " + language + "\n");
        }
    }

    /**
     * A return archived before the language was in the name is still the input its bundle took
     * in: the same file dropped again (copied with its old modification time) is
     * translation.unchanged, not taken for the input itself replayed after a crash.
     */
    @Test
    void aReturnArchivedUnderTheNameWithoutLanguageIsStillFoundWhenDroppedAgain() throws IOException {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");
        String name = SLUG + ".pseudo.md";
        String current = home.files(ARCHIVE).stream().filter(file -> file.endsWith("_en_" + name)).findFirst().orElseThrow();
        Path old = home.resolve(ARCHIVE).resolve(current.replace("_en_", "_"));
        Files.move(home.resolve(ARCHIVE).resolve(current), old);

        Path part = home.resolve("inbox/translations/EN/." + name + ".part");
        Files.copy(old, part, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(part, home.resolve("inbox/translations/EN/" + name));
        assertThat(home.runOnce()).isZero();

        assertThat(home.eventNames()).filteredOn("translation.unchanged"::equals).hasSize(1);
        assertThat(home.eventNames()).filteredOn("translation.accepted"::equals).hasSize(1);
        assertThat(home.files(ARCHIVE)).hasSize(2).contains(old.getFileName().toString());
    }
}
