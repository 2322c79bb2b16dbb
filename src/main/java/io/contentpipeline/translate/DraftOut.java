package io.contentpipeline.translate;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.parse.ArticleParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Markdown draft of an article in outbox/translations/&lt;LANG&gt;/: what its translator was
 * given last. The return check reads it for its lines and its list of segments to translate,
 * the translate stage to know whether it still stands for a new version.
 */
final class DraftOut {

    private DraftOut() {
    }

    /** The draft out, parsed as written; empty when there is none, or when it no longer parses (edited by hand). */
    static Optional<ParsedArticle> read(HomeLayout layout, ArticleParser parser, String slug, String language) throws IOException {
        Path file = layout.draft(language, slug);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parseText(new SourceFile("draft.md", null, new byte[0], null), Files.readString(file)));
        } catch (RejectedInputException e) {
            return Optional.empty();
        }
    }
}
