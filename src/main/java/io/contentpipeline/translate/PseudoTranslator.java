package io.contentpipeline.translate;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.FrontMatterWriter;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.Segmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pseudo-translation, as Okapi does it, for layouts and demonstrations: when
 * {@code pipeline.pseudo-translate} is on, every draft is "translated" at once into
 * accented, lengthened text ({@code [Ŀé ŕôļé ďû ÇṀÖ ~~~~]}) and dropped in the real return
 * folder, so a newcomer watches the whole round trip without a translator. Code, links,
 * tags, shortcodes and numbers are left as they are, so the return passes every check.
 */
public final class PseudoTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(PseudoTranslator.class);
    private static final Pattern UNTOUCHABLE = Pattern.compile(
            "\\]\\([^)]*\\)|`[^`]*`|<[^>]+>|\\{\\{[<%].*?[%>]}}|https?://\\S+|\\{#[^}]*}|&#?\\w+;|\\d+", Pattern.DOTALL);
    private static final String PLAIN = "aAcCeEiInNoOuUyYsSzZlLrRdD";
    private static final String ACCENTED = "áÀçÇéÉîÎñÑöÖüÜýÝšŠžŽĺĹŕŔďĎ";

    private final boolean enabled;
    private final HomeLayout layout;
    private final ArticleParser parser;
    private final Segmenter segmenter;

    public PseudoTranslator(boolean enabled, HomeLayout layout, ArticleParser parser, Segmenter segmenter) {
        this.enabled = enabled;
        this.layout = layout;
        this.parser = parser;
        this.segmenter = segmenter;
    }

    /**
     * Route step after drafts are written: returns each one that asks for work pseudo-translated
     * (a translation carried forward needs none). Returns its input unchanged.
     */
    public DraftsWritten returnDrafts(DraftsWritten drafts) throws IOException {
        if (!enabled) {
            return drafts;
        }
        String slug = drafts.versioned().article().slug();
        for (String language : drafts.requested()) {
            Path draft = layout.drafts(language).resolve(slug + ".md");
            Path target = layout.returnsInbox(language).resolve(slug + ".pseudo.md");
            AtomicFiles.write(target, translate(Files.readString(draft)));
            LOG.info("translation.pseudo slug={} lang={} version={} file={}", slug, language, drafts.versioned().version(),
                    layout.home().relativize(target));
        }
        return drafts;
    }

    /**
     * A whole draft pseudo-translated, markers removed, the block marked pseudo: every field and
     * body segment of a first draft; of a draft that reuses an accepted translation, only the
     * segments it lists as needing work, the others being translations already (a pseudo-translation
     * accepted earlier among them, which would otherwise be wrapped again).
     */
    String translate(String draftText) {
        ParsedArticle draft = parser.parseText(new SourceFile("draft.md", null, new byte[0], null), draftText);
        String body = DraftComposer.MARKER.matcher(draft.body()).replaceAll("");
        Map<String, Object> fields = new LinkedHashMap<>(draft.frontMatter().fields());
        Map<String, Object> block = TranslationBlock.blockOf(draft.frontMatter());
        Predicate<Segment> needsWork = block.get(TranslationBlock.NEEDS_WORK_SEGMENTS) instanceof List<?> ids
                ? segment -> ids.contains(segment.id()) : segment -> true;
        fields.remove(TranslationBlock.KEY);
        for (Segment field : Segmenter.fields(draft.frontMatter())) {
            if (needsWork.test(field)) {
                FieldPaths.set(fields, field.id(), pseudo(field.text()));
            }
        }
        block.put(TranslationBlock.PSEUDO, true);
        fields.put(TranslationBlock.KEY, block);
        List<Segment> segments = new ArrayList<>(segmenter.segment(draft.frontMatter(), body, draft.bodyLine()).body());
        segments.sort(Comparator.comparingInt(Segment::start));
        StringBuilder translated = new StringBuilder(body.length() * 2);
        int copied = 0;
        for (Segment segment : segments) {
            translated.append(body, copied, segment.start()).append(needsWork.test(segment) ? pseudo(segment.text()) : segment.text());
            copied = segment.end();
        }
        translated.append(body.substring(copied));
        return FrontMatterWriter.markdown(fields, translated.toString());
    }

    /** Accents every letter outside code, links, tags and numbers, and lengthens the text by about a third. */
    static String pseudo(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        Matcher untouchable = UNTOUCHABLE.matcher(text);
        int copied = 0;
        int letters = 0;
        while (untouchable.find()) {
            letters += accent(text.substring(copied, untouchable.start()), out);
            out.append(untouchable.group());
            copied = untouchable.end();
        }
        letters += accent(text.substring(copied), out);
        if (letters == 0) {
            return text;
        }
        return "[" + out + " " + "~".repeat(Math.max(1, letters / 3)) + "]";
    }

    private static int accent(String prose, StringBuilder out) {
        int letters = 0;
        for (int i = 0; i < prose.length(); i++) {
            char c = prose.charAt(i);
            int at = PLAIN.indexOf(c);
            out.append(at >= 0 ? ACCENTED.charAt(at) : c);
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters;
    }
}
