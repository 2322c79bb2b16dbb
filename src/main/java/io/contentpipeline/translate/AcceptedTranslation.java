package io.contentpipeline.translate;

import io.contentpipeline.article.Derived;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Problem;

import java.util.List;

/**
 * A returned translation that passed its checks, ready to join its bundle.
 *
 * @param carriedTo null, or a later source version than {@code sourceVersion} whose text to
 *                  translate is the same and whose draft this translation fills whole: the
 *                  translation is carried forward to it (DraftWriter.carryForward)
 */
public record AcceptedTranslation(String slug, String language, int sourceVersion, FrontMatter frontMatter,
                                  String body, Derived derived, List<Problem> warnings, String inputSha256,
                                  String fileName, Integer carriedTo) {

    public AcceptedTranslation {
        warnings = List.copyOf(warnings);
    }

    public AcceptedTranslation(String slug, String language, int sourceVersion, FrontMatter frontMatter, String body,
                               Derived derived, List<Problem> warnings, String inputSha256, String fileName) {
        this(slug, language, sourceVersion, frontMatter, body, derived, warnings, inputSha256, fileName, null);
    }

    /** This translation, carried forward to a later source version with the same text to translate. */
    public AcceptedTranslation carriedForwardTo(int version) {
        return new AcceptedTranslation(slug, language, sourceVersion, frontMatter, body, derived, warnings, inputSha256,
                fileName, version);
    }
}
