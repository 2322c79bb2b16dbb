package io.contentpipeline.translate;

import io.contentpipeline.article.Derived;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Problem;

import java.util.List;

/** A returned translation that passed its checks, ready to join its bundle. */
public record AcceptedTranslation(String slug, String language, int sourceVersion, FrontMatter frontMatter,
                                  String body, Derived derived, List<Problem> warnings, String inputSha256,
                                  String fileName) {

    public AcceptedTranslation {
        warnings = List.copyOf(warnings);
    }
}
