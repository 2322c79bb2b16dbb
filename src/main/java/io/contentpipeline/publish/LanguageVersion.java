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
 * the same file.
 */
public record LanguageVersion(
        String language,
        FrontMatter frontMatter,
        String body,
        Derived derived,
        String status,
        int sourceVersion,
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

    public LanguageVersion withStatus(String newStatus) {
        return new LanguageVersion(language, frontMatter, body, derived, newStatus, sourceVersion, warnings, inputSha256, inputFile, acceptedAt);
    }
}
