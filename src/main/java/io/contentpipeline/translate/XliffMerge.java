package io.contentpipeline.translate;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.FrontMatterWriter;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.Segmenter;
import io.contentpipeline.slug.Slugs;
import io.contentpipeline.version.SourceArchive;
import io.contentpipeline.xliff.XliffReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a filled XLIFF file back into the Markdown return it stands for: the draft of the
 * version named in its metadata, with every unit's target in place of its source text.
 * The result goes through the same checks as a Markdown return. A file with units left
 * without a target is rejected first, each unit named: a tool leaves no target on a
 * segment nobody translated, so there is nothing to guess.
 */
public final class XliffMerge {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R[ \\t]*(?:\\R[ \\t]*)+");

    private final XliffReader reader = new XliffReader();
    private final SourceArchive sources;
    private final ArticleParser parser;
    private final Segmenter segmenter;

    public XliffMerge(SourceArchive sources, ArticleParser parser, Segmenter segmenter) {
        this.sources = sources;
        this.parser = parser;
        this.segmenter = segmenter;
    }

    public static boolean isXliff(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".xlf") || lower.endsWith(".xliff");
    }

    /**
     * What a filled XLIFF file's metadata names: its source slug, target language and source
     * version, as a Markdown return's translation: block does; empty when it names no source.
     *
     * @throws RejectedInputException when the file is no XLIFF file this pipeline reads
     */
    public static Optional<TranslationBlock.Named> names(byte[] xliff) {
        return names(new XliffReader().read(xliff));
    }

    /** What a filled XLIFF file, read already, names: as {@link #names(byte[])}. */
    public static Optional<TranslationBlock.Named> names(XliffReader.Filled filled) {
        return named(filled.metadata());
    }

    /**
     * What an XLIFF file names, from its metadata read as a stream ({@link XliffReader#metadata(InputStream)}),
     * without holding the file: empty also for a file that is no XLIFF or not well-formed.
     */
    public static Optional<TranslationBlock.Named> names(InputStream xliff) {
        return named(XliffReader.metadata(xliff));
    }

    private static Optional<TranslationBlock.Named> named(Map<String, String> meta) {
        return TranslationBlock.Named.of(meta.get("source"), meta.get("target_lang"), meta.get("source_version"));
    }

    /**
     * The Markdown return a filled XLIFF file stands for, where each of its units starts in that
     * file, and what the merge saw that the checks of the Markdown cannot (a link typed as text).
     */
    public record Merged(String markdown, Map<String, Integer> unitLines, List<Problem> warnings) {

        /**
         * Problems found in the merged Markdown, placed in the XLIFF file instead: one about a
         * unit (a field or block, by its id) gets the line where that unit starts; a Markdown
         * line means nothing to the translator, who never saw that Markdown, so others get none.
         */
        public List<Problem> locate(List<Problem> problems) {
            return problems.stream().map(problem -> new Problem(problem.severity(), problem.code(), problem.field(),
                    problem.message(), lineOf(problem.field()), null)).toList();
        }

        private Integer lineOf(String field) {
            if (field == null) {
                return null;
            }
            Integer line = unitLines.get(field);
            return line != null ? line : unitLines.get("fm." + field);
        }
    }

    /** @throws RejectedInputException when the file is no XLIFF file this pipeline reads */
    public XliffReader.Filled read(byte[] xliff) {
        return reader.read(xliff);
    }

    public Merged merge(XliffReader.Filled filled) throws IOException {
        Map<String, String> meta = filled.metadata();
        String slug = meta.get("source");
        if (slug != null && !Slugs.isSlug(slug)) {
            throw reject(null, "the XLIFF metadata's source '" + slug + "' is not a slug (lower-case letters, digits and hyphens); "
                    + "keep it as the draft gave it");
        }
        String language = meta.get("target_lang") == null ? null : meta.get("target_lang").strip().toLowerCase(Locale.ROOT);
        int version;
        try {
            version = Integer.parseInt(meta.getOrDefault("source_version", ""));
        } catch (NumberFormatException e) {
            throw reject(slug, "the XLIFF metadata does not name a source version");
        }
        String draftText = sources.draft(slug == null ? "" : slug, version)
                .orElseThrow(() -> new RejectedInputException(slug, language, version, List.of(Problem.error("xliff-invalid", null,
                        "the XLIFF file names '" + slug + "' version " + version + ", which is not known", null))));
        ParsedArticle draft = parser.parseText(new SourceFile("draft.md", null, new byte[0], null), draftText);
        Map<String, Object> fields = new LinkedHashMap<>(draft.frontMatter().fields());
        for (Segment field : Segmenter.fields(draft.frontMatter())) {
            String target = filled.targets().get(field.id());
            if (target != null) {
                FieldPaths.set(fields, field.id(), target);
            }
        }
        Map<String, Object> block = new LinkedHashMap<>();
        for (String key : List.of("source", "source_lang", "target_lang", "source_version", "source_sha256")) {
            block.put(key, "source_version".equals(key) ? version : meta.get(key));
        }
        fields.put(TranslationBlock.KEY, block);
        List<Segment> segments = new ArrayList<>(segmenter.segment(draft.frontMatter(), draft.body(), draft.bodyLine()).body());
        requireEveryUnit(slug, language, version, filled, Segmenter.fields(draft.frontMatter()), segments);
        segments.sort(Comparator.comparingInt(Segment::start));
        StringBuilder body = new StringBuilder(draft.body().length());
        int copied = 0;
        for (Segment segment : segments) {
            body.append(draft.body(), copied, segment.start()).append(oneBlock(segment, filled.targets().getOrDefault(segment.id(), segment.text())));
            copied = segment.end();
        }
        body.append(draft.body().substring(copied));
        return new Merged(FrontMatterWriter.markdown(fields, body.toString()), filled.unitLines(),
                TypedLinks.find(filled.targets(), filled.unitLines()));
    }

    /**
     * A unit's target as the one block its unit stands for. Tools let a translator type line
     * breaks (Shift+Enter): in a heading or a table cell a line break would end the heading or
     * the row, so it becomes a space; elsewhere a blank line would start a new block, so blank
     * lines fold into one line break, which Markdown reads as the same paragraph going on.
     */
    static String oneBlock(Segment segment, String target) {
        if (segment.kind() == Segment.Kind.HEADING || segment.kind() == Segment.Kind.TABLE_CELL) {
            return LINE_BREAKS.matcher(target.strip()).replaceAll(" ");
        }
        return BLANK_LINES.matcher(target).replaceAll("\n");
    }


    /** Every field and block of the draft must come back translated, each one missing named. */
    private static void requireEveryUnit(String slug, String language, int version, XliffReader.Filled filled, List<Segment> fields, List<Segment> body) {
        List<Problem> missing = new ArrayList<>();
        for (List<Segment> segments : List.of(fields, body)) {
            for (Segment segment : segments) {
                if (filled.sourceCopies().contains(segment.id())) {
                    missing.add(Problem.error("xliff-untranslated", segment.id(), "this unit's target repeats its source and its state "
                            + "still says nobody translated it (\"initial\"; \"new\" or \"needs-translation\" in XLIFF 1.2): translate it, "
                            + "or set the state to \"translated\" if the source text is also its translation",
                            filled.unitLines().get(segment.id())));
                } else if (filled.untranslated().contains(segment.id())) {
                    missing.add(Problem.error("xliff-untranslated", segment.id(),
                            "this unit has no translation (no <target>, or an empty one)", filled.unitLines().get(segment.id())));
                } else if (!filled.targets().containsKey(segment.id())) {
                    missing.add(Problem.error("xliff-untranslated", segment.id(), "this unit is missing from the file", null));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new RejectedInputException(slug, language, version, missing);
        }
    }

    private static RejectedInputException reject(String slug, String message) {
        return new RejectedInputException(slug, List.of(Problem.error("xliff-invalid", null, message, null)));
    }
}
