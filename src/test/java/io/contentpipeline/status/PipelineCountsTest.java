package io.contentpipeline.status;

import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.LanguageEntry;
import io.contentpipeline.publish.TranslationState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineCountsTest {

    @Test
    void aRejectedReturnMarksAnAwaitedTranslationRejectedButLeavesACurrentOneCurrent() {
        PipelineCounts counts = new PipelineCounts();
        Instant asked = Instant.parse("2026-11-01T10:00:00Z");
        counts.track(manifest("live", new TranslationState(LanguageEntry.CURRENT, 1, asked, asked)));
        counts.track(manifest("awaited", new TranslationState(TranslationState.REQUESTED, 1, asked, asked)));

        counts.translationRejected("live", "en");
        counts.translationRejected("awaited", "en");

        assertThat(counts.languages(asked.plusSeconds(60)).get("en").byStatus())
                .as("as bundle.json says: a bad file dropped by mistake does not unpublish a good translation")
                .isEqualTo(Map.of(LanguageEntry.CURRENT, 1L, TranslationState.REJECTED, 1L));
    }

    @Test
    void aSlugWhoseBundleIsGoneIsCountedNoMore() {
        PipelineCounts counts = new PipelineCounts();
        Instant asked = Instant.parse("2026-11-01T10:00:00Z");
        counts.track(manifest("kept", new TranslationState(TranslationState.REQUESTED, 1, asked.plusSeconds(5), asked)));
        counts.track(manifest("deleted", new TranslationState(TranslationState.REQUESTED, 1, asked, asked)));

        counts.forgetGone("kept"::equals);

        assertThat(counts.published()).isEqualTo(1);
        assertThat(counts.languages(asked.plusSeconds(60)).get("en").longestWaiting()).isEqualTo("kept");
    }

    private static BundleManifest manifest(String slug, TranslationState english) {
        return new BundleManifest(slug, 1, "fr", "0".repeat(64), Instant.EPOCH, Map.of(), Map.of("en", english));
    }
}
