package io.contentpipeline.translate;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.markdown.TranslatableText;
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
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pseudo-translation, as Okapi does it, for layouts and demonstrations: when
 * {@code pipeline.pseudo-translate} is on, every draft is "translated" at once into
 * accented, lengthened text ({@code [Ŀé ŕôļé ďû ÇṀÖ ~~~~]}) and dropped in the real return
 * folder, so a newcomer watches the whole round trip without a translator. Only what a
 * translator translates changes ({@link TranslatableText}, read from the parsed Markdown as
 * segments are): code, link targets and reference labels, tags, entities, shortcodes,
 * addresses and numbers are left as they are, so the return passes every check.
 */
public final class PseudoTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(PseudoTranslator.class);
    private static final String PLAIN = "aAcCeEiInNoOuUyYsSzZlLrRdD";
    private static final String ACCENTED = "áÀçÇéÉîÎñÑöÖüÜýÝšŠžŽĺĹŕŔďĎ";
    /** Attributes ({.class}, { #id }) at the end of a text, which apply to its block. */
    private static final Pattern TRAILING_ATTRIBUTES = Pattern.compile("\\{[^{}\\n]*}$");
    /** A line without a letter or a digit. */
    private static final Pattern WORDLESS = Pattern.compile("[^\\p{L}\\p{N}]*");

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
            Path draft = layout.draft(language, slug);
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
                TranslatableText text = TranslatableText.ofPlainText(field.text());
                FieldPaths.set(fields, field.id(), pseudo(field.text(), text::at, Form.PLAIN_TEXT));
            }
        }
        block.put(TranslationBlock.PSEUDO, true);
        fields.put(TranslationBlock.KEY, block);
        List<Segment> segments = new ArrayList<>(segmenter.segment(draft.frontMatter(), body, draft.bodyLine()).body());
        segments.sort(Comparator.comparingInt(Segment::start));
        TranslatableText text = segmenter.translatableText(body);
        StringBuilder translated = new StringBuilder(body.length() * 2);
        int copied = 0;
        for (Segment segment : segments) {
            translated.append(body, copied, segment.start()).append(needsWork.test(segment)
                    ? pseudo(segment.text(), offset -> text.at(segment.start() + offset),
                            segment.kind() == Segment.Kind.HTML ? Form.RAW_HTML : Form.MARKDOWN)
                    : segment.text());
            copied = segment.end();
        }
        translated.append(body.substring(copied));
        return FrontMatterWriter.markdown(fields, translated.toString());
    }

    /** What a text to pseudo-translate is written in: a front-matter field is plain text. */
    enum Form { PLAIN_TEXT, MARKDOWN, RAW_HTML }

    /**
     * The text with every letter a translator translates accented, lengthened by about a third
     * and in brackets ({@code [Ŕôĺé ~~]}); as it is when it has no such letter. Around the whole
     * text, the brackets are literal text in Markdown: an opening bracket before a link's opens
     * nothing, since links do not nest. Raw HTML has them around its translated text instead,
     * since a bracket before its first tag would no longer start an HTML block.
     *
     * @param translatable whether the character at an offset of the text is translated
     */
    static String pseudo(String text, IntPredicate translatable, Form form) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        int letters = 0;
        int first = -1;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!translatable.test(i)) {
                out.append(c);
                continue;
            }
            int at = PLAIN.indexOf(c);
            out.append(at >= 0 ? ACCENTED.charAt(at) : c);
            letters += Character.isLetter(c) ? 1 : 0;
            if (!Character.isWhitespace(c)) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (letters == 0) {
            return text;
        }
        String tildes = " " + "~".repeat(Math.max(1, letters / 3)) + "]";
        int from = 0;
        int to = text.length();
        if (form == Form.RAW_HTML) {
            from = first;
            to = last + 1;
        } else {
            // Not before the shortcodes that start the text, nor after those or the attributes
            // ({.class}, { #id }) that end it: our page takes shortcodes out, and would read "~~~]"
            // left at a line's start as a code fence; attributes apply only at the end.
            List<MatchResult> shortcodes = MarkdownEngine.TEMPLATE_TAGS.matcher(text).results().toList();
            from = skipSpaces(text, 0);
            for (int i = 0; i < shortcodes.size() && shortcodes.get(i).start() == from; i++) {
                from = skipSpaces(text, shortcodes.get(i).end());
            }
            to = text.stripTrailing().length();
            int shortcode = shortcodes.size() - 1;
            while (true) {
                Matcher attributes = TRAILING_ATTRIBUTES.matcher(text).region(from, to);
                int lineStart = text.lastIndexOf('\n', to - 1) + 1;
                if (shortcode >= 0 && shortcodes.get(shortcode).end() == to && shortcodes.get(shortcode).start() > from) {
                    to = text.substring(0, shortcodes.get(shortcode--).start()).stripTrailing().length();
                } else if (attributes.find()) {
                    to = text.substring(0, attributes.start()).stripTrailing().length();
                } else if (lineStart > from && WORDLESS.matcher(text).region(lineStart, to).matches()) {
                    // A last line of punctuation only (a French ":" wrapped onto its own line): "   : ~~]"
                    // would be a definition for Hugo's renderer, "- ~~]" a list item.
                    to = text.substring(0, lineStart).stripTrailing().length();
                } else {
                    break;
                }
            }
        }
        // One accented character stands for one character of the text: offsets are the same. In
        // Markdown the opening bracket is escaped: Hugo's renderer makes no link of an address
        // after an unescaped one, which could open a link's text.
        return out.substring(0, from) + (form == Form.MARKDOWN ? "\\[" : "[") + out.substring(from, to) + tildes + out.substring(to);
    }

    private static int skipSpaces(String text, int from) {
        while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }
}
