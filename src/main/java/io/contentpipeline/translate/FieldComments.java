package io.contentpipeline.translate;

import io.contentpipeline.article.Problem;
import io.contentpipeline.parse.InlineComments;
import io.contentpipeline.parse.InlineComments.InlineComment;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Translatable front-matter text typed without quotes with " #" in it ({@code title: The CMO,
 * SMEs' #1 hire}): YAML reads the rest of the line as a comment, so the page was published
 * with the title cut short, and the translator was told only that it was short (length-ratio).
 * A return gets an error for it; an author's article a warning, since an author may mean a
 * comment (YAML allows one), and the article is not held back for it.
 */
public final class FieldComments {

    private FieldComments() {
    }

    /**
     * Errors for a returned translation's text (the words were the translator's, and would be
     * lost), each named by its segment id, as the return's other checks name a field: a tag's
     * or a related article's anchor by its item ({@code fm.related_articles.0.anchor}), not its list.
     */
    public static List<Problem> inReturn(String text) {
        return find(text, (field, message) -> Problem.error("field-comment", "fm." + field.path(),
                message + ", and would not be published: quote the value, " + field.quotedLine(), field.line()));
    }

    /** Warnings for an author's article: its title, description, tags… */
    public static List<Problem> inArticle(String text) {
        return find(text, (field, message) -> Problem.warning("field-comment", field.key(),
                message + ", and are not published: if they belong to the " + field.key() + ", quote the value, "
                        + field.quotedLine(), field.line()));
    }

    private static List<Problem> find(String text, BiFunction<InlineComment, String, Problem> problem) {
        return InlineComments.of(text).stream()
                .filter(comment -> TranslatableFields.SCALARS_AND_LISTS.contains(comment.key())
                        || TranslatableFields.RELATED.equals(comment.key()))
                .map(comment -> problem.apply(comment, "the words after \" #\" (\"" + comment.words().strip()
                        + "\") are a YAML comment, not part of the text"))
                .toList();
    }
}
