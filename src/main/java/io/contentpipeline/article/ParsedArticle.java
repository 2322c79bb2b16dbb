package io.contentpipeline.article;

import java.util.List;

/**
 * A file read as an article: its front matter and Markdown body, split and parsed.
 * {@code text} is the whole file as normalised text (BOM removed, LF line endings);
 * {@code bodyLine} is the file line where the body starts, to report body problems.
 */
public record ParsedArticle(SourceFile file, String text, FrontMatter frontMatter, String body, int bodyLine,
                            List<Problem> warnings) {

    public ParsedArticle {
        warnings = List.copyOf(warnings);
    }
}
