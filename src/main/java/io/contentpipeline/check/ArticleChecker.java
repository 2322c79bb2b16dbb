package io.contentpipeline.check;

import io.contentpipeline.article.CheckedArticle;
import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.files.Sha256;
import io.contentpipeline.slug.Slugs;

import java.util.ArrayList;
import java.util.List;

/**
 * The check stage: applies the metadata rules and settles the article's identity (slug and
 * content digest). Every error is collected before rejecting, so the author
 * sees all problems at once.
 */
public final class ArticleChecker {

    private final MetadataRules rules;

    public ArticleChecker(MetadataRules rules) {
        this.rules = rules;
    }

    public CheckedArticle check(ParsedArticle parsed) {
        List<Problem> problems = new ArrayList<>(parsed.warnings());
        problems.addAll(rules.check(parsed.frontMatter()));
        var slug = Slugs.resolve(parsed.frontMatter(), parsed.file().name());
        if (slug.isEmpty()) {
            problems.add(Problem.error("no-slug", "slug", "no slug can be made from slug, canonical_url or the file name", null));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new RejectedInputException(slug.orElse(null), problems);
        }
        return new CheckedArticle(parsed, slug.get(), Sha256.of(parsed.text()), problems);
    }
}
