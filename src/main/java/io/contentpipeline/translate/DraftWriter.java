package io.contentpipeline.translate;

import io.contentpipeline.article.Article;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.publish.FrontMatterWriter;
import io.contentpipeline.version.SourceArchive;
import io.contentpipeline.version.VersionedArticle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The translate stage: keeps the accepted source version, then writes one draft per target
 * language to outbox/translations/&lt;LANG&gt;/&lt;slug&gt;.md. A draft holds only what a translator
 * translates, plus the {@code translation:} block that ties the return to this exact version.
 */
public final class DraftWriter {

    private final HomeLayout layout;
    private final SourceArchive sources;
    private final List<String> targets;

    public DraftWriter(HomeLayout layout, SourceArchive sources, List<String> targets) {
        this.layout = layout;
        this.sources = sources;
        this.targets = List.copyOf(targets);
    }

    public DraftsWritten request(VersionedArticle versioned) throws IOException {
        Article article = versioned.article();
        sources.keep(article.slug(), versioned.version(), sourceText(versioned));
        List<String> languages = new ArrayList<>();
        List<ChangelogEvent> events = new ArrayList<>();
        for (String target : targets) {
            String language = target.toLowerCase(Locale.ROOT);
            if (language.equals(article.language())) {
                continue;
            }
            Path draft = layout.drafts(target).resolve(article.slug() + ".md");
            AtomicFiles.write(draft, draft(versioned, language));
            languages.add(language);
            events.add(ChangelogEvent.now(ChangelogEvent.TRANSLATION_REQUESTED, article.slug(), language,
                    versioned.version(), layout.home().relativize(draft).toString(), Map.of()));
        }
        return new DraftsWritten(versioned, languages, events);
    }

    static String draft(VersionedArticle versioned, String targetLanguage) {
        Article article = versioned.article();
        Map<String, Object> frontMatter = TranslatableFields.extract(article.frontMatter());
        frontMatter.putIfAbsent("description", article.derived().description());
        frontMatter.putIfAbsent("summary", article.derived().summary());
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("source", article.slug());
        block.put("source_lang", article.language());
        block.put("target_lang", targetLanguage);
        block.put("source_version", versioned.version());
        block.put("source_sha256", article.sha256());
        frontMatter.put(TranslationBlock.KEY, block);
        return FrontMatterWriter.markdown(frontMatter, article.body());
    }

    /** The source as accepted: front matter as the author wrote it, body unchanged. */
    private static String sourceText(VersionedArticle versioned) {
        Article article = versioned.article();
        return FrontMatterWriter.markdown(article.frontMatter().fields(), article.body());
    }
}
