package io.contentpipeline.pipeline;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.FrontMatterWriter;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;
import io.contentpipeline.translate.TranslationBlock;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Does what a translator does with a draft: keeps its translation: block untouched and
 * replaces the translatable front matter and the body with the translated ones; for
 * translation tools, gives the English text of each of the seed's units.
 */
final class Translator {

    /** The mark a draft puts before a block that needs work ("<!-- translate: new -->", "<!-- translate: changed; was: … -->"). */
    static final Pattern MARKER = Pattern.compile("<!-- translate: [^>]*-->");
    private static final Pattern BLOCK = Pattern.compile("^translation:\\n(?:  .*\\n)+", Pattern.MULTILINE);

    private Translator() {
    }

    /** The seed's English draft, filled with the test translation: what its translator returns. */
    static String englishSeedReturn(PipelineHome home) {
        return fill(home.read("outbox/translations/EN/role-cmo-pme.md"), PipelineHome.resource(SeedArticleTest.SEED_EN));
    }

    /** Publishes the seed, returns its English translation under this name and runs once: it is accepted. Returns the text returned. */
    static String acceptEnglishSeed(PipelineHome home, String name) {
        home.publishSeed("seed.txt");
        String translated = englishSeedReturn(home);
        home.drop("inbox/translations/EN/" + name, translated);
        assertThat(home.runOnce()).isZero();
        return translated;
    }

    /** @param translated a Markdown file with the translated front matter and body */
    static String fill(String draft, String translated) {
        Matcher block = BLOCK.matcher(draft);
        if (!block.find()) {
            throw new IllegalArgumentException("the draft has no translation: block");
        }
        String[] parts = translated.split("---\n", 3);
        return "---\n" + parts[1] + block.group() + "---\n" + parts[2];
    }

    /**
     * A translator's return of a draft made from a published translation (the other side of a
     * corpus pair): its fields and body, the draft's translation: block, and the source's text
     * kept for every field of the draft the translation lacks (the pair's English often has no
     * summary where the draft has the derived one), as the checks allow.
     */
    static String fillKeepingSourceFields(String draft, String translated) {
        ArticleParser parser = new ArticleParser(5_000_000);
        SourceFile none = new SourceFile("x.md", null, new byte[0], null);
        ParsedArticle given = parser.parseText(none, draft);
        ParsedArticle translation = parser.parseText(none, translated);
        Map<String, Object> fields = new LinkedHashMap<>(translation.frontMatter().fields());
        given.frontMatter().fields().forEach((key, value) -> {
            Object mine = fields.get(key);
            if (!key.equals(TranslationBlock.KEY) && (mine == null || mine.toString().isBlank())) {
                fields.put(key, value);
            }
        });
        fields.remove(TranslationBlock.KEY);
        fields.put(TranslationBlock.KEY, given.frontMatter().fields().get(TranslationBlock.KEY));
        return FrontMatterWriter.markdown(fields, translation.body());
    }

    /** Unit id → English text: the test translation's segments paired with the seed's, which share its structure. */
    static Map<String, String> englishSeedByUnit() {
        SegmentedArticle french = segment(PipelineHome.resource(SeedArticleTest.SEED));
        SegmentedArticle english = segment(PipelineHome.resource(SeedArticleTest.SEED_EN));
        Map<String, String> targets = new HashMap<>();
        Map<String, String> englishFields = new HashMap<>();
        english.fields().forEach(field -> englishFields.put(field.id(), field.text()));
        french.fields().forEach(field -> targets.put(field.id(), englishFields.get(field.id())));
        List<Segment> fr = french.body();
        List<Segment> enBody = english.body();
        assertThat(enBody).hasSameSizeAs(fr);
        for (int i = 0; i < fr.size(); i++) {
            targets.put(fr.get(i).id(), enBody.get(i).text());
        }
        return targets;
    }

    private static SegmentedArticle segment(String text) {
        ParsedArticle parsed = new ArticleParser(5_000_000).parseText(new SourceFile("x.md", null, new byte[0], null), text);
        return new Segmenter(new MarkdownEngine()).segment(parsed.frontMatter(), parsed.body(), parsed.bodyLine());
    }

    /** The 1-based line of the file that holds this text. */
    static int lineOf(String file, String text) {
        int at = file.indexOf(text);
        assertThat(at).as("'%s' in the file", text).isNotNegative();
        return (int) file.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
