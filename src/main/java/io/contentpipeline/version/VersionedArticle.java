package io.contentpipeline.version;

import io.contentpipeline.article.Article;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;
import io.contentpipeline.article.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An article with its place in its slug's history: version 1 for a new slug, +1 per change. */
public record VersionedArticle(Article article, int version, boolean unchanged) implements HasEvents {

    @Override
    public List<ChangelogEvent> events() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sha256", article.sha256());
        if (!unchanged && !article.warnings().isEmpty()) {
            detail.put("warnings", article.warnings().stream().map(Problem::describe).toList());
        }
        String event = unchanged ? ChangelogEvent.ARTICLE_UNCHANGED : ChangelogEvent.ARTICLE_ACCEPTED;
        return List.of(ChangelogEvent.now(event, article.slug(), article.language(), version, article.fileName(), detail));
    }
}
