package io.contentpipeline.translate;

import io.contentpipeline.article.Article;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.publish.FrontMatterWriter;
import io.contentpipeline.publish.LanguageEntry;
import io.contentpipeline.publish.Published;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;
import io.contentpipeline.version.SourceArchive;
import io.contentpipeline.version.VersionedArticle;
import io.contentpipeline.xliff.XliffExport;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The translate stage: keeps the accepted source version with its language-neutral draft,
 * then writes one draft per target language to outbox/translations/&lt;LANG&gt;/&lt;slug&gt;.md,
 * pre-filled with every segment an earlier accepted translation already covers. The
 * {@code translation:} block ties the return to this exact version and reports how many
 * segments were reused and which need work. A language whose accepted translation needs
 * nothing for this version (the same translatable text, every segment reused) still gets its
 * draft, complete, but nothing is requested: the publish stage carries the translation forward.
 * A language still awaiting the draft of an earlier version with the same text to translate
 * gets no new draft: that draft stands for this version ({@link OutstandingDraft}).
 */
public final class DraftWriter {

    /** Spaces and tabs at a line's end; two spaces or more there are a Markdown hard line break. */
    private static final Pattern LINE_END = Pattern.compile("[ \\t]+$", Pattern.MULTILINE);
    private static final Pattern HARD_BREAK = Pattern.compile(".*  ");
    private static final Pattern BLANK_LINE = Pattern.compile("^[ \\t]+$", Pattern.MULTILINE);
    /** Blank lines before the first line: compiled once, as the three above, not on every comparison of two drafts. */
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("^(?:[ \\t]*\n)+");

    private final HomeLayout layout;
    private final SourceArchive sources;
    private final List<String> targets;
    private final BundleStore bundles;
    private final ArticleParser parser;
    private final Segmenter segmenter;
    private final DraftComposer composer = new DraftComposer();
    private final XliffExport xliff;
    private final OutstandingDraft outstanding;

    public DraftWriter(HomeLayout layout, SourceArchive sources, List<String> targets, BundleStore bundles,
                       ArticleParser parser, Segmenter segmenter, XliffExport xliff) {
        this.xliff = xliff;
        this.layout = layout;
        this.sources = sources;
        this.targets = List.copyOf(targets);
        this.bundles = bundles;
        this.parser = parser;
        this.segmenter = segmenter;
        this.outstanding = new OutstandingDraft(layout, sources, parser, this::asDraftedNow);
    }

    public DraftsWritten request(VersionedArticle versioned) throws Exception {
        Article article = versioned.article();
        List<String> languages = targets.stream().map(target -> target.toLowerCase(Locale.ROOT))
                .filter(language -> !language.equals(article.language())).toList();
        if (languages.isEmpty()) {
            // Already in every target language: no draft, so no translation will ever be
            // checked against this version, and archiving or segmenting it would be wasted work.
            return new DraftsWritten(versioned, languages, List.of());
        }
        String neutralText = neutralDraft(versioned);
        ParsedArticle neutral = parse(neutralText);
        SegmentedArticle source = segment(neutral);
        // Under the slug's lock, as the drafts a return issues (reissueAfterReturn): the version
        // is kept before its drafts are written, so a return that finds it kept knows they are.
        return bundles.locked(article.slug(), () -> {
            sources.keep(article.slug(), versioned.version(), SourceArchive.sourceText(article), neutralText);
            Optional<BundleManifest> bundle = bundles.manifest(article.slug());
            List<ChangelogEvent> events = new ArrayList<>();
            Map<String, DraftsWritten.Carried> carried = new LinkedHashMap<>();
            Map<String, DraftsWritten.Kept> kept = new LinkedHashMap<>();
            for (String language : languages) {
                Optional<Integer> standing = bundle.isPresent() ? outstanding.standingFor(bundle.get(), language, neutral) : Optional.empty();
                if (standing.isPresent()) {
                    LanguageEntry entry = bundle.get().languages().get(language);
                    kept.put(language, new DraftsWritten.Kept(standing.get(), entry == null ? null : entry.acceptedAt(),
                            () -> redraft(versioned, language, neutral, source)));
                    events.add(ChangelogEvent.translationRequestKept(article.slug(), language, versioned.version(), standing.get(),
                            outstanding.file(article.slug(), language), article.sha256()).restored(versioned.restoration()));
                    continue;
                }
                Issued issued = issue(article.slug(), versioned.version(), language, neutral, source);
                if (issued.carriedFrom() != null) {
                    carried.put(language, new DraftsWritten.Carried(issued.carriedFrom(), issued.requested()));
                } else {
                    events.add(issued.requested().restored(versioned.restoration()));
                }
            }
            return new DraftsWritten(versioned, languages, events, carried, kept);
        });
    }

    /**
     * The draft of a kept language written after all (see {@link DraftsWritten.Kept}): by the
     * publish stage, under the slug's lock, when a return was accepted since the translate stage
     * decided to keep the draft out. It reuses that return as any draft reuses the accepted
     * translation.
     */
    private DraftsWritten.Redrafted redraft(VersionedArticle versioned, String language, ParsedArticle neutral,
                                            SegmentedArticle source) throws IOException {
        Issued issued = issue(versioned.article().slug(), versioned.version(), language, neutral, source);
        return new DraftsWritten.Redrafted(issued.requested().restored(versioned.restoration()), issued.carriedFrom());
    }

    /**
     * Route step before a return joins its bundle. A return made for an older version than the
     * current one is a whole translation of the current version when the two versions have the
     * same text to translate (only metadata outside the translatable fields changed since) and
     * it fills every segment of the current version's draft: the test by which a published
     * translation is carried forward when such a version comes, so it is carried forward too.
     * Any other return is given back as it is.
     */
    public AcceptedTranslation carryForward(AcceptedTranslation translation) throws IOException {
        String slug = translation.slug();
        int version = bundles.manifest(slug).map(BundleManifest::version).orElse(0);
        if (translation.sourceVersion() >= version) {
            return translation;
        }
        Optional<String> current = sources.draft(slug, version);
        Optional<String> translated = sources.draft(slug, translation.sourceVersion());
        if (current.isEmpty() || translated.isEmpty()) {
            return translation;
        }
        ParsedArticle neutral = asDraftedNow(current.get());
        Memory memory = memory(translation.sourceVersion(), asDraftedNow(translated.get()),
                segmenter.segment(translation.frontMatter(), translation.body(), 1), neutral);
        return compose(translation.language(), neutral, segment(neutral), memory).carriedFrom() == null
                ? translation : translation.carriedForwardTo(version);
    }

    /**
     * After a return is accepted. One made for an older version is outdated on arrival: a new
     * draft for the current version goes out at once, pre-filled from it, and is logged as
     * requested again: once for each translation that caused it, whose digest its event
     * carries in place of the source's. One carried forward to the current version (see
     * {@link #carryForward}) gets that version's draft too, complete and requesting nothing,
     * as when a new source version carries a published translation forward. A return the bundle
     * took in before its current source version (dropped again, or replayed after a crash) gets
     * nothing: that version's own drafts went out with it.
     *
     * <p>This step runs after the bundle's lock was given back, while articles are worked on by
     * other threads: a newer version of the slug may have been published since, or have written
     * its drafts and be about to publish. So it takes the slug's lock again, as the article's
     * drafts are written under it, and reads the bundle as it stands now: the draft it writes is
     * for the version the bundle is at now (pre-filled from this return), and none is written
     * while a newer version's drafts are out and its bundle not yet written, which would put this
     * version's draft back over that one's. (The order of threads cannot be forced in a pipeline
     * test: ReturnDraftOrderTest replays both interleavings on the files.)
     */
    public Published reissueAfterReturn(Published published) throws Exception {
        String slug = published.manifest().slug();
        return bundles.locked(slug, () -> reissue(published, bundles.manifest(slug).orElse(published.manifest())));
    }

    /** @param manifest the bundle as it stands, read under the slug's lock */
    private Published reissue(Published published, BundleManifest manifest) throws IOException {
        String slug = manifest.slug();
        int version = manifest.version();
        if (sources.has(slug, version + 1)) {
            return published; // the next version's drafts are out, its bundle not written yet
        }
        LanguageEntry entry = manifest.languages().get(published.language());
        boolean outdated = entry != null && LanguageEntry.OUTDATED.equals(entry.status());
        boolean carried = entry != null && LanguageEntry.CURRENT.equals(entry.status()) && entry.translatedVersion() != null
                && entry.sourceVersion() == version;
        // A return the bundle held already (dropped again, or replayed after a crash) whose source
        // had a new version since: that version's drafts are out, and its events logged.
        if (!outdated && !carried || !published.manifest().tookInUnderCurrentVersion(published.language())) {
            return published;
        }
        ParsedArticle neutral = parse(sources.draft(slug, version)
                .orElseThrow(() -> new IOException("source archive has no draft for " + slug + " v" + version)));
        ChangelogEvent requested = issue(slug, version, published.language(), neutral, segment(neutral)).requested();
        if (carried) {
            return published;
        }
        Map<String, Object> detail = new LinkedHashMap<>(requested.detail());
        detail.put(ChangelogEvent.SHA256, entry.inputSha256());
        List<ChangelogEvent> events = new ArrayList<>(published.events());
        events.add(new ChangelogEvent(requested.time(), requested.event(), requested.slug(), requested.lang(),
                requested.version(), requested.file(), detail).acceptedAt(entry.acceptedAt()));
        return published.withEvents(events);
    }

    /**
     * A draft written: its translation.requested event, and when the published translation it
     * reuses is a whole translation of this version, the source version that translation stood for.
     */
    private record Issued(ChangelogEvent requested, Integer carriedFrom) {
    }

    /**
     * A draft of one version for one target language, composed from what the translation it
     * reuses teaches, not written yet.
     */
    private record Drafted(Map<String, Object> block, DraftComposer.Composed draft, Memory memory) {

        /**
         * The source version the translation reused stood for, when the draft is the whole
         * translation of this version: only metadata outside the translatable fields changed,
         * and every segment is reused, so there is nothing for a translator. (A draft that
         * reuses every segment of a changed text is not enough: a paragraph deleted or moved, or
         * a code block changed, leaves no segment to translate but makes the translated body
         * wrong for this version.) Otherwise null.
         */
        Integer carriedFrom() {
            return memory.sameText() && draft.needsWork().isEmpty() ? memory.version() : null;
        }
    }

    private Drafted compose(String language, ParsedArticle neutral, SegmentedArticle source, Memory memory) {
        Map<String, Object> fields = new LinkedHashMap<>(neutral.frontMatter().fields());
        Map<String, Object> issued = TranslationBlock.blockOf(neutral.frontMatter());
        fields.remove(TranslationBlock.KEY);
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("source", issued.get("source"));
        block.put("source_lang", issued.get("source_lang"));
        block.put("target_lang", language);
        block.put("source_version", issued.get("source_version"));
        block.put("source_sha256", issued.get("source_sha256"));
        DraftComposer.Composed draft = composer.compose(fields, neutral.body(), source, memory.translations(), memory.source());
        block.put("segments", draft.segments());
        block.put("reused", draft.reused());
        block.put("needs_work", draft.needsWork().size());
        if (!memory.translations().isEmpty()) {
            block.put(TranslationBlock.NEEDS_WORK_SEGMENTS, draft.needsWork());
        }
        return new Drafted(block, draft, memory);
    }

    /** Writes the draft of one version for one target language. */
    private Issued issue(String slug, int version, String language, ParsedArticle neutral, SegmentedArticle source)
            throws IOException {
        Drafted drafted = compose(language, neutral, source, memory(slug, language, neutral));
        Map<String, Object> block = drafted.block();
        DraftComposer.Composed draft = drafted.draft();
        Map<String, Object> frontMatter = new LinkedHashMap<>(draft.fields());
        frontMatter.put(TranslationBlock.KEY, block);
        Path file = layout.draft(language, slug);
        List<Segment> segments = new ArrayList<>(source.fields());
        segments.addAll(source.body());
        // The XLIFF file goes into place first: a translator who sees the Markdown draft finds it beside it.
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(slug + ".xlf", xliff.write(block, segments, drafted.memory().translations()::translationOf).getBytes(StandardCharsets.UTF_8));
        files.put(slug + ".md", FrontMatterWriter.markdown(frontMatter, draft.body(), TranslationBlock.KEY, TranslationBlock.KEEP_COMMENT)
                .getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeAll(layout.drafts(language), files);
        ChangelogEvent requested = ChangelogEvent.now(ChangelogEvent.TRANSLATION_REQUESTED, slug, language, version,
                layout.home().relativize(file).toString(), reuseReport(draft, String.valueOf(block.get("source_sha256"))));
        return new Issued(requested, drafted.carriedFrom());
    }

    /** For the log line and the changelog: segments reused, segments to translate, and the source's digest. */
    private static Map<String, Object> reuseReport(DraftComposer.Composed draft, String sourceSha256) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reused", draft.reused());
        report.put("needs_work", draft.needsWork().size());
        report.put(ChangelogEvent.SHA256, sourceSha256);
        return report;
    }

    /**
     * The accepted translation into this language, if any: what it teaches, the segments of the
     * source version it stands for ({@code version}), and whether that version's translatable
     * text is the same as the one being drafted ({@code sameText}).
     */
    private record Memory(TranslationMemory translations, SegmentedArticle source, int version, boolean sameText) {

        static final Memory NONE = new Memory(TranslationMemory.empty(), null, 0, false);
    }

    private Memory memory(String slug, String language, ParsedArticle drafted) throws IOException {
        Optional<BundleManifest> manifest = bundles.manifest(slug);
        LanguageEntry entry = manifest.map(m -> m.languages().get(language)).orElse(null);
        if (entry == null || LanguageEntry.SOURCE.equals(entry.status())) {
            return Memory.NONE;
        }
        Optional<String> translation = bundles.readFile(slug, "index." + language + ".md");
        Optional<String> draft = sources.draft(slug, entry.sourceVersion());
        if (translation.isEmpty() || draft.isEmpty()) {
            return Memory.NONE;
        }
        ParsedArticle page = parse(translation.get());
        // The page lists related articles in the current source's order (an outdated translation
        // follows the new versions' links by URL), that version's draft in its own order: put them
        // back in it, or each anchor would be learnt for another item's text.
        FrontMatter fields = sources.source(slug, entry.sourceVersion())
                .map(source -> TranslatableFields.inOrderOf(parse(source).frontMatter(), page.frontMatter()))
                .orElse(page.frontMatter());
        // What the translator returned: the heading ids the publish stage wrote are no translation.
        String body = segmenter.markdown().withoutWrittenHeadingIds(page.body());
        return memory(entry.sourceVersion(), asDraftedNow(draft.get()), segmenter.segment(fields, body, page.bodyLine()), drafted);
    }

    /**
     * @param version       the source version the translation stands for
     * @param previousDraft that version's language-neutral draft
     * @param translation   the translation, segmented
     * @param drafted       the draft being written, to compare its text with that version's
     */
    private Memory memory(int version, ParsedArticle previousDraft, SegmentedArticle translation, ParsedArticle drafted) {
        SegmentedArticle previous = segment(previousDraft);
        return new Memory(TranslationMemory.learn(previous, translation), previous, version,
                sameTranslatableText(previousDraft, drafted));
    }

    /**
     * Whether two source versions' language-neutral drafts hold the same text to translate: the
     * same translatable fields (derived summary and description included) and the same body,
     * whatever their translation: blocks say, and whatever white space Markdown ignores (see
     * {@link #translatableBody}).
     */
    static boolean sameTranslatableText(ParsedArticle one, ParsedArticle other) {
        Map<String, Object> oneFields = new LinkedHashMap<>(one.frontMatter().fields());
        Map<String, Object> otherFields = new LinkedHashMap<>(other.frontMatter().fields());
        oneFields.remove(TranslationBlock.KEY);
        otherFields.remove(TranslationBlock.KEY);
        return oneFields.equals(otherFields) && translatableBody(one.body()).equals(translatableBody(other.body()));
    }

    /**
     * A body without the white space an editor adds or drops on save and Markdown does not
     * render: blank lines (or lines of spaces) before the first line and after the last, and
     * spaces or tabs at a line's end, except that two spaces or more there are a hard line
     * break, compared as two.
     */
    static String translatableBody(String body) {
        String trimmed = BLANK_LINE.matcher(LEADING_BLANK_LINES.matcher(body).replaceFirst("").stripTrailing()).replaceAll("");
        return LINE_END.matcher(trimmed).replaceAll(end -> HARD_BREAK.matcher(end.group()).matches() ? "  " : "");
    }

    /**
     * The draft every target language starts from: translatable fields, the block, the body, its
     * collapsed and shortcut references written as full ones, so that a translator translates a
     * reference link's words and keeps its label ({@link io.contentpipeline.markdown.MarkdownEngine#withFullReferences}).
     */
    private String neutralDraft(VersionedArticle versioned) {
        Article article = versioned.article();
        Map<String, Object> frontMatter = TranslatableFields.extract(article.frontMatter());
        frontMatter.putIfAbsent("description", article.derived().description());
        frontMatter.putIfAbsent("summary", article.derived().summary());
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("source", article.slug());
        block.put("source_lang", article.language());
        block.put("source_version", versioned.version());
        block.put("source_sha256", article.sha256());
        frontMatter.put(TranslationBlock.KEY, block);
        return FrontMatterWriter.markdown(frontMatter, segmenter.markdown().withFullReferences(article.body()));
    }

    /**
     * A kept draft as drafts are written now, its references full ones: one kept before drafts
     * wrote them so ({@code [CNCF][]}) has the same text to translate as its version drafted now,
     * so that its translation is reused and carried forward, not asked for again over a label.
     */
    private ParsedArticle asDraftedNow(String draft) {
        ParsedArticle parsed = parse(draft);
        String body = segmenter.markdown().withFullReferences(parsed.body());
        return body.equals(parsed.body()) ? parsed : parse(FrontMatterWriter.markdown(parsed.frontMatter().fields(), body));
    }

    private ParsedArticle parse(String text) {
        return parser.parseText(new SourceFile("draft.md", null, new byte[0], null), text);
    }

    private SegmentedArticle segment(ParsedArticle parsed) {
        FrontMatter frontMatter = parsed.frontMatter();
        return segmenter.segment(frontMatter, parsed.body(), parsed.bodyLine());
    }
}
