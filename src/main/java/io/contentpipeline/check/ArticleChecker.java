package io.contentpipeline.check;

import io.contentpipeline.article.CheckedArticle;
import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.files.Sha256;
import io.contentpipeline.language.LanguageResolver;
import io.contentpipeline.slug.Slugs;
import io.contentpipeline.translate.FieldComments;
import io.contentpipeline.translate.TranslationBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The check stage: applies the metadata rules and settles the article's identity (slug and
 * content digest). Every error is collected before rejecting, so the author
 * sees all problems at once.
 */
public final class ArticleChecker {

    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x\\p{XDigit}+|[A-Za-z][A-Za-z0-9]*);");
    private static final Pattern HTML_TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]*>");

    private final MetadataRules rules;

    public ArticleChecker(MetadataRules rules) {
        this.rules = rules;
    }

    public CheckedArticle check(ParsedArticle parsed) {
        rejectATranslation(parsed);
        List<Problem> problems = new ArrayList<>(parsed.warnings());
        problems.addAll(rules.check(parsed.frontMatter()));
        problems.addAll(FieldComments.inArticle(parsed.text()));
        var slug = Slugs.resolve(parsed.frontMatter(), parsed.file().name());
        parsed.frontMatter().text("slug").filter(given -> slug.isPresent() && !given.equals(slug.get())).ifPresent(given ->
                problems.add(Problem.warning("slug-normalised", "slug", "the slug \"" + given + "\" was normalised to \""
                        + slug.get() + "\" (lower-case letters, digits and hyphens only)", parsed.frontMatter().line("slug"))));
        for (String field : List.of("title", "description", "summary")) {
            parsed.frontMatter().text(field).filter(value -> HTML_TAG.matcher(value).find()).ifPresent(value ->
                    problems.add(Problem.warning("html-in-field", field, field + " holds HTML markup; it is shown as plain text",
                            parsed.frontMatter().line(field))));
            // WordPress exports write "&nbsp;" in titles; pages and Hugo show it as typed.
            List<String> entities = parsed.frontMatter().text(field)
                    .map(value -> ENTITY.matcher(value).results().map(MatchResult::group).distinct().toList()).orElse(List.of());
            if (!entities.isEmpty()) {
                problems.add(Problem.warning("entity-in-field", field, field + " holds the HTML entities " + String.join(" ", entities)
                        + ", which are shown as typed; write the characters themselves", parsed.frontMatter().line(field)));
            }
        }
        if (slug.isEmpty()) {
            problems.add(Problem.error("no-slug", "slug", "no slug can be made from slug, canonical_url or the file name", null));
        }
        if (parsed.body().isBlank()) {
            problems.add(Problem.warning("empty-body", null, "the article has no body: only its front matter is published",
                    parsed.bodyLine()));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new RejectedInputException(slug.orElse(null), problems);
        }
        return new CheckedArticle(parsed, slug.get(), Sha256.of(parsed.text()), problems);
    }

    /**
     * A returned translation dropped into inbox/ instead of inbox/translations/LANG/ would
     * otherwise be rejected for the fields a draft leaves out (date, author…), which tells
     * the translator nothing about the real mistake.
     */
    private static void rejectATranslation(ParsedArticle parsed) {
        if (parsed.frontMatter().get(TranslationBlock.KEY) instanceof Map<?, ?> block && block.get("source") != null) {
            Object target = block.get("target_lang");
            String folder = HomeLayout.returnsFolder(target == null ? "<LANG>" : LanguageResolver.normalise(target.toString())) + "/";
            throw new RejectedInputException(block.get("source").toString(), List.of(Problem.error("translation-in-inbox", "translation",
                    "this is a translation of '" + block.get("source") + "' (it has a translation: block): drop it into " + folder
                            + ", not into inbox/", parsed.frontMatter().line(TranslationBlock.KEY))));
        }
    }
}
