package io.contentpipeline.pipeline;

import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.publish.Published;
import io.contentpipeline.segment.Segmenter;
import io.contentpipeline.translate.DraftWriter;
import io.contentpipeline.version.SourceArchive;
import io.contentpipeline.xliff.XliffWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static io.contentpipeline.pipeline.SeedArticleTest.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A return accepted for an older version issues the current version's draft in a step of its
 * own, after the bundle's lock is given back, while workers publish articles: a newer version
 * of the same slug can be published, or have its drafts written, in between. Threads cannot be
 * ordered from a pipeline test, so each test replays one interleaving on the files: the return's
 * step runs, with the bundle it published, after the article's route went that far. The draft
 * left out must be the newest version's.
 */
class ReturnDraftOrderTest {

    private static final String SLUG = "role-cmo-pme";
    private static final String EN_DRAFT = "outbox/translations/EN/" + SLUG + ".md";

    @TempDir
    Path temp;

    /**
     * Version 1 published, version 2 with a paragraph changed, then the English return for
     * version 1: accepted outdated, version 2's draft issued from it. Returns the bundle that
     * return published, as the step after it gets it.
     */
    private static Published lateReturnFor(PipelineHome home) throws IOException {
        home.publishSeed("seed.txt");
        String late = Translator.englishSeedReturn(home);
        home.drop("inbox/role.md", PipelineHome.resource(SEED).replace("il n'exécute pas les tâches", "il ne réalise pas les tâches"));
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/translations/EN/late.md", late);
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle(SLUG).get("languages").get("en").get("status").asText()).isEqualTo("outdated");
        assertThat(home.read(EN_DRAFT)).contains("source_version: 2");
        BundleManifest manifest = new BundleStore(new HomeLayout(home.path())).manifest(SLUG).orElseThrow();
        return new Published(manifest, "en", List.of());
    }

    /** Version 3 of the article, through the real routes. */
    private static void publishVersion3(PipelineHome home) {
        home.drop("inbox/role.md", PipelineHome.resource(SEED).replace("il n'exécute pas les tâches", "il ne réalise pas les tâches")
                .replace("BLOT Antoine structure les missions", "BLOT Antoine organise les missions"));
        assertThat(home.runOnce()).isZero();
        assertThat(home.read(EN_DRAFT)).contains("source_version: 3");
    }

    /** The draft writer as the pipeline wires it on this home. */
    private static DraftWriter draftWriter(PipelineHome home) {
        HomeLayout layout = new HomeLayout(home.path());
        return new DraftWriter(layout, new SourceArchive(layout), List.of("EN"), new BundleStore(layout),
                new ArticleParser(5_242_880), new Segmenter(new MarkdownEngine()), new XliffWriter());
    }

    @Test
    void aReturnsDraftStepAfterANewerVersionWasPublishedWritesThatVersionsDraft() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        Published returned = lateReturnFor(home);
        publishVersion3(home);

        Published after = draftWriter(home).reissueAfterReturn(returned);

        assertThat(home.read(EN_DRAFT)).as("not version 2's draft over version 3's").contains("source_version: 3");
        assertThat(after.events()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(ChangelogEvent.TRANSLATION_REQUESTED);
            assertThat(e.version()).isEqualTo(3);
        });
    }

    @Test
    void aReturnsDraftStepWhileANewerVersionsDraftsAreOutButItsBundleIsNotWrittenLeavesThem() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        Published returned = lateReturnFor(home);
        Path bundle = home.resolve("outbox/published/" + SLUG);
        Path saved = home.resolve("saved-bundle");
        copyFiles(bundle, saved);
        publishVersion3(home);
        String draft = home.read(EN_DRAFT);
        // As if the article's route had written version 3's drafts and not yet its bundle.
        copyFiles(saved, bundle);
        assertThat(home.bundle(SLUG).get("version").asInt()).isEqualTo(2);

        Published after = draftWriter(home).reissueAfterReturn(returned);

        assertThat(home.read(EN_DRAFT)).as("version 3's draft left in place").isEqualTo(draft);
        assertThat(after.events()).isEmpty();
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> old = Files.list(to)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
