package io.contentpipeline.publish;

import io.contentpipeline.article.Derived;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Problem;

import java.time.Instant;
import java.util.List;

/**
 * One language of a bundle, ready to render: its normalised front matter, body and derived
 * fields, with its status against the current source version, the file it came from, and
 * when it was accepted: that time tells one acceptance of a file from a later acceptance of
 * the same file. {@code translatedVersion} is null unless the translation was carried forward:
 * then it is the source version the translator worked from, and {@code sourceVersion} a later
 * one whose translatable text is the same.
 */
public record LanguageVersion(
        String language,
        FrontMatter frontMatter,
        String body,
        Derived derived,
        String status,
        int sourceVersion,
        Integer translatedVersion,
        List<Problem> warnings,
        String inputSha256,
        String inputFile,
        Instant acceptedAt) {

    public LanguageVersion {
        warnings = List.copyOf(warnings);
    }

    public String title() {
        return frontMatter.text("title").orElse("");
    }

    /**
     * This translation in a bundle whose source changed: the same body and translated fields,
     * laid over the new source's front matter, with its status against the new version.
     *
     * @param newSourceVersion  the source version it now stands for
     * @param newTranslatedVersion the version its translator worked from, when that is not {@code newSourceVersion}
     */
    public LanguageVersion republished(FrontMatter newFrontMatter, String newStatus, int newSourceVersion,
                                       Integer newTranslatedVersion) {
        return new LanguageVersion(language, newFrontMatter, body, derived, newStatus, newSourceVersion, newTranslatedVersion,
                warnings, inputSha256, inputFile, acceptedAt);
    }

    /** The source version the translator worked from: {@code sourceVersion} unless the translation was carried forward. */
    public int translatedFrom() {
        return translatedVersion == null ? sourceVersion : translatedVersion;
    }
}
