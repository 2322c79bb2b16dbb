package io.contentpipeline.translate;

import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.article.Derived;
import io.contentpipeline.derive.Deriver;
import io.contentpipeline.review.DraftQuotes;
import io.contentpipeline.review.HeadingMarks;
import io.contentpipeline.review.ReturnReview;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;
import io.contentpipeline.language.DetectedLanguage;
import io.contentpipeline.language.LanguageResolver;
import io.contentpipeline.files.Sha256;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.FrontMatterWriter;
import io.contentpipeline.publish.LanguageEntry;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.version.SourceArchive;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.markdown.TranslatableText;
import io.contentpipeline.slug.Slugs;
import io.contentpipeline.xliff.XliffReader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The returns stage: reads a file a translator dropped in inbox/translations/&lt;LANG&gt;/,
 * matches it to its source by the {@code translation:} block (not by its name), and checks
 * that it can join the bundle.
 */
public final class ReturnChecker {

    private final ArticleParser parser;
    private final BundleStore bundles;
    private final SourceArchive sources;
    private final Deriver deriver;
    private final LanguageResolver languages;
    private final Segmenter segmenter;
    private final ReturnReview review = new ReturnReview();
    private final XliffMerge xliff;

    private final Duration sourceWait;
    private final HomeLayout layout;
    private final Function<FrontMatter, List<Problem>> fieldChecks;

    /**
     * @param sourceWait  how long a return waits for its source (pipeline.returns.source-wait), for the message when it did not come
     * @param fieldChecks the checks an article's translatable text fields pass, for the translated ones (a title
     *                    "Yes" left unquoted is the boolean true)
     */
    public ReturnChecker(HomeLayout layout, ArticleParser parser, BundleStore bundles, SourceArchive sources, Deriver deriver,
                         LanguageResolver languages, Segmenter segmenter, Duration sourceWait,
                         Function<FrontMatter, List<Problem>> fieldChecks) {
        this.layout = layout;
        this.fieldChecks = fieldChecks;
        this.sourceWait = sourceWait;
        this.segmenter = segmenter;
        this.xliff = new XliffMerge(sources, parser, segmenter);
        this.parser = parser;
        this.bundles = bundles;
        this.sources = sources;
        this.deriver = deriver;
        this.languages = languages;
    }

    /** @param folderLanguage the language folder the file was dropped in; null for a file outside one */
    public AcceptedTranslation check(SourceFile file, String folderLanguage) throws IOException {
        if (folderLanguage == null) {
            throw outsideLanguageFolder(file);
        }
        String language = folderLanguage.toLowerCase(Locale.ROOT);
        Optional<XliffMerge.Merged> merged = XliffMerge.isXliff(file.name()) ? Optional.of(mergeXliff(file, language)) : Optional.empty();
        ParsedArticle parsed = merged.isPresent() ? parser.parseText(file, merged.get().markdown()) : parser.parse(file);
        TranslationBlock block = TranslationBlock.of(parsed.frontMatter());
        String slug = block.source();
        if (!block.targetLanguage().equals(language) && LanguageResolver.normalise(block.targetLanguage()).equals(language)) {
            // "en-GB" typed into the block of a draft issued in "en", dropped in EN/: the folder is
            // right and the block is not (the message used to say to drop it where it already was).
            throw new RejectedInputException(slug, language, block.sourceVersion(), List.of(Problem.error("translation-block-edited",
                    "translation.target_lang", "translation.target_lang is '"
                            + TranslationBlock.blockOf(parsed.frontMatter()).get("target_lang") + "', but the draft was issued in '"
                            + language + "' (one version per language, not per region): keep the translation: block exactly as it came",
                    null)));
        }
        if (!block.targetLanguage().equals(language)) {
            throw reject(block, "translation-language", "translation.target_lang",
                    inAnotherFolder(file, block.targetLanguage()));
        }
        Optional<BundleManifest> found = bundles.manifest(slug);
        if (found.isEmpty()) {
            throw reject(block, "translation-unknown-source", "translation.source", unknownSource(slug, "translation.source"));
        }
        BundleManifest manifest = found.get();
        if (block.sourceVersion() < 1 || block.sourceVersion() > manifest.version()) {
            throw reject(block, "translation-unknown-version", "translation.source_version",
                    unknownVersion(slug, block.sourceVersion(), manifest));
        }
        if (language.equals(manifest.sourceLanguage())) {
            throw reject(block, "translation-language", "translation.target_lang",
                    "'" + slug + "' is written in " + language.toUpperCase(Locale.ROOT) + " already");
        }
        LanguageEntry published = manifest.languages().get(language);
        if (published == null && !manifest.translations().containsKey(language)) {
            // Only a language a draft went out for can come back: not one edited into a file's metadata.
            throw reject(block, "translation-language", "translation.target_lang", "no translation into "
                    + language.toUpperCase(Locale.ROOT) + " was requested for '" + slug + "' (requested: "
                    + (manifest.translations().isEmpty() ? "none" : String.join(", ", manifest.translations().keySet()).toUpperCase(Locale.ROOT)) + ")");
        }
        String sha256 = Sha256.of(parsed.text());
        // The current translation itself dropped again, carried forward to a later version since,
        // is no late return: the publish stage finds it unchanged.
        boolean republished = published != null && sha256.equals(published.inputSha256())
                && LanguageEntry.CURRENT.equals(published.status());
        if (published != null && published.sourceVersion() > block.sourceVersion() && !republished) {
            // A late return must not replace a translation of a newer version: that work would be lost.
            throw reject(block, "translation-superseded", "translation.source_version",
                    "this translation is for version " + block.sourceVersion() + ", but the published "
                            + language.toUpperCase(Locale.ROOT) + " translation is for version " + published.sourceVersion()
                            + " already; it was not published");
        }
        ParsedArticle draft = parseArchived(sources.draft(slug, block.sourceVersion()).orElseThrow(
                () -> reject(block, "translation-unknown-version", "translation.source_version",
                        "version " + block.sourceVersion() + " of '" + slug + "' is not in the source archive")));
        if (!block.matches(TranslationBlock.blockOf(draft.frontMatter()))) {
            throw reject(block, "translation-block-edited", TranslationBlock.KEY,
                    "the translation: block was edited (it no longer matches the draft issued for version "
                            + block.sourceVersion() + "); keep the block exactly as it came");
        }
        List<Problem> problems = new ArrayList<>(parsed.warnings());
        FrontMatter frontMatter = parsed.frontMatter();
        ignoredFields(frontMatter).ifPresent(problems::add);
        if (merged.isEmpty()) {
            // An XLIFF return's front matter is written by the merge, its values quoted where they need it.
            problems.addAll(FieldComments.inReturn(parsed.text()));
        } else {
            problems.addAll(merged.get().warnings());
        }
        // Source blocks are named by their lines in the draft the translator was given, not in the archived neutral one.
        SegmentedArticle neutral = segmenter.segment(draft.frontMatter(), draft.body(), draft.bodyLine());
        // The Markdown draft the translator was given, while it is still the one in outbox/translations/.
        Optional<ParsedArticle> given = merged.isPresent() ? Optional.empty() : givenDraft(slug, language);
        DraftLines lines = merged.isPresent() ? DraftLines.NONE : draftLines(frontMatter, given, draft, neutral);
        SegmentedArticle source = neutral.relined(lines);
        // Read without the markers a translator left: each would swallow the text after it into an HTML block.
        MarkedSegments.Stripped returned = MarkedSegments.strip(parsed.body(), parsed.bodyLine());
        SegmentedArticle translation = segmenter.segment(frontMatter, returned.body(), parsed.bodyLine());
        // Only the fields the translation is published with: a return's tags or link URLs are the source's
        // on the page whatever the file says, so an unquoted yes among them is nothing to reject it for.
        fieldChecks.apply(frontMatter).stream().filter(problem -> TranslatableFields.isTranslated(problem.field())).forEach(problems::add);
        List<String> needsWork = needsWork(block, frontMatter, given);
        problems.addAll(MarkedSegments.check(source, translation, returned, needsWork,
                needsWork.isEmpty() ? segment -> true : hasWords(draft.body())));
        problems.addAll(review.review(source, translation, language,
                merged.isPresent() ? ReturnReview.Pairing.BY_POSITION : ReturnReview.Pairing.BY_LENGTH,
                merged.isPresent() ? DraftQuotes.asText(segmenter.markdown()) : lines.quotes()));
        FrontMatter withoutBlock = frontMatter.with(TranslationBlock.KEY, null);
        // A heading that came back as a plain paragraph (or the reverse) is published as the source has it; a warning says so.
        String body = merged.isPresent() ? returned.body() : HeadingMarks.apply(returned.body(), HeadingMarks.find(source, translation));
        Derived derived = deriver.derive(withoutBlock, body, Optional.of(language));
        DetectedLanguage detected = derived.detected();
        boolean pseudo = TranslationBlock.isPseudo(frontMatter);
        if (pseudo) {
            // Pseudo-text is the source text with its letters accented, so it keeps the source
            // language's punctuation and its words one for one: a typography warning on every
            // segment, and a doubled word wherever French has one ("nous nous"), would only be noise.
            problems.removeIf(problem -> "typography".equals(problem.code()) || "doubled-word".equals(problem.code()));
            problems.add(Problem.warning("pseudo-translation", null,
                    "a pseudo-translation (pipeline.pseudo-translate), for layout checks only", null));
        } else if (languages.isConfident(detected) && !detected.language().equals(language)) {
            problems.add(Problem.error("translation-wrong-language", null, "the body is in " + name(detected.language())
                    + ", not " + name(language) + " (detected with confidence " + String.format(Locale.ROOT, "%.3f", detected.confidence())
                    + "): was it translated?", parsed.bodyLine()));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new RejectedInputException(slug, block.targetLanguage(), block.sourceVersion(), inFile(merged, problems));
        }
        problems.addAll(derived.warnings());
        return new AcceptedTranslation(slug, language, block.sourceVersion(), withoutBlock, body,
                derived, inFile(merged, problems), sha256, file.name());
    }

    /**
     * Where the lines of the neutral draft a return is checked against are in the draft its
     * translator was given: found by the draft itself while it is still the one in
     * outbox/translations/ (its translation: block the return's), or, for a draft that reused
     * nothing, from the length of its block; else not known ({@link DraftLines#NONE}).
     */
    private DraftLines draftLines(FrontMatter returned, Optional<ParsedArticle> givenDraft, ParsedArticle neutral,
                                  SegmentedArticle neutralSegments) {
        Map<String, Object> block = TranslationBlock.blockOf(returned);
        if (givenDraft.isPresent() && block.equals(TranslationBlock.blockOf(givenDraft.get().frontMatter()))) {
            ParsedArticle given = givenDraft.get();
            MarkedSegments.Stripped body = MarkedSegments.strip(given.body(), given.bodyLine());
            Optional<DraftLines> paired = DraftLines.paired(neutral.body(), neutral.bodyLine(), neutralSegments, body.body(),
                    given.bodyLine(), segmenter.segment(given.frontMatter(), body.body(), given.bodyLine()));
            if (paired.isPresent()) {
                return paired.get();
            }
        }
        if (!block.containsKey(TranslationBlock.NEEDS_WORK_SEGMENTS)) {
            block.remove(TranslationBlock.PSEUDO);
            // The draft given has its block as drafts are written: with the comment line above it, which the neutral draft has not.
            long extra = FrontMatterWriter.yaml(Map.of(TranslationBlock.KEY, block), TranslationBlock.KEY,
                    TranslationBlock.KEEP_COMMENT).lines().count()
                    - FrontMatterWriter.yaml(Map.of(TranslationBlock.KEY, TranslationBlock.blockOf(neutral.frontMatter()))).lines().count();
            return DraftLines.shifted(neutral.bodyLine(), (int) extra);
        }
        return DraftLines.NONE;
    }

    /** The draft in outbox/translations/ for this slug and language, as it is now; empty when gone or unreadable. */
    private Optional<ParsedArticle> givenDraft(String slug, String language) {
        try {
            return DraftOut.read(layout, parser, slug, language);
        } catch (IOException e) {
            // A draft being replaced, or unreadable: what it would tell (its lines, its list) is not known.
            return Optional.empty();
        }
    }

    /**
     * The segments the draft marked for translation, as the return's block lists them; when the
     * list is gone from the return (a translator who took it for a to-do list deleted it once
     * done), as the draft given lists them while it is still the one for this version. Read
     * from the return alone, a marked segment left in the source language was then published
     * as the translation, current, with a warning only.
     */
    private static List<String> needsWork(TranslationBlock block, FrontMatter returned, Optional<ParsedArticle> givenDraft) {
        List<String> listed = TranslationBlock.needsWork(returned);
        if (!listed.isEmpty() || givenDraft.isEmpty()) {
            return listed;
        }
        FrontMatter given = givenDraft.get().frontMatter();
        return block.matches(TranslationBlock.blockOf(given)) ? TranslationBlock.needsWork(given) : listed;
    }

    /**
     * Keys a translator added to the return's front matter (a {@code slug}, a {@code date},
     * {@code draft: true} copied from the source): a translation's metadata other than its
     * translatable fields comes from the source, so they are not published; a warning says so
     * rather than dropping them without a word.
     */
    private static Optional<Problem> ignoredFields(FrontMatter frontMatter) {
        List<String> ignored = frontMatter.fields().keySet().stream()
                .filter(key -> !key.equals(TranslationBlock.KEY) && !key.equals(TranslatableFields.RELATED)
                        && !TranslatableFields.SCALARS_AND_LISTS.contains(key))
                .toList();
        if (ignored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Problem.warning("field-ignored", null, String.join(", ", ignored)
                + (ignored.size() == 1 ? " is not a translatable field and is not published"
                        : " are not translatable fields and are not published")
                + ": a translation's other metadata (slug, dates, draft, author, …) comes from the source article",
                frontMatter.line(ignored.get(0))));
    }

    /** Whether a segment of this body has anything to translate: a field has; a year alone in a table cell has not. */
    private Predicate<Segment> hasWords(String body) {
        TranslatableText text = segmenter.translatableText(body);
        return segment -> segment.isField() || text.hasWords(body, segment.start(), segment.end());
    }

    /**
     * A file in inbox/translations/ itself, or in a subfolder of a language folder: the route
     * takes it so that it gets an outcome (it used to be left there, silently), and it is
     * rejected whole, naming the folder its translation: block asks for. Its checks run once
     * it is dropped there. When the file cannot be read, its problems are listed too.
     */
    private RejectedInputException outsideLanguageFolder(SourceFile file) {
        Path folder = file.path().toAbsolutePath().normalize().getParent();
        boolean atTop = folder.equals(layout.returnsInbox());
        String where = folderOf(file);
        TranslationBlock.Named named = null;
        List<Problem> unreadable = List.of();
        try {
            named = (XliffMerge.isXliff(file.name()) ? XliffMerge.names(file.bytes())
                    : TranslationBlock.peek(parser.parse(file).frontMatter())).orElse(null);
        } catch (RejectedInputException e) {
            unreadable = e.problems().stream().filter(Problem::isError).toList();
        }
        String language = named == null ? null : named.targetLanguage();
        String message = "the file is in " + where + (atTop ? " itself" : ", a subfolder") + ": "
                + (language == null ? "returns are taken from the folder of their language only; drop it into "
                        + HomeLayout.returnsFolder("<LANG>") + "/, <LANG> being the language it is translated into" : dropInto(language, XliffMerge.isXliff(file.name())));
        List<Problem> problems = new ArrayList<>();
        problems.add(Problem.error("translation-folder", null, message, null));
        problems.addAll(unreadable);
        return new RejectedInputException(named == null ? null : named.source(), language,
                named == null ? null : version(named.sourceVersion()), problems);
    }

    /** "inbox/translations/english/": the folder a file was dropped in, as the translator sees it. */
    private String folderOf(SourceFile file) {
        Path folder = file.path().toAbsolutePath().normalize().getParent();
        return layout.home().relativize(folder).toString().replace('\\', '/') + "/";
    }

    /** A return dropped in another language's folder than the one it translates into, Markdown or XLIFF. */
    private String inAnotherFolder(SourceFile file, String targetLanguage) {
        return "the file is a translation into " + targetLanguage.toUpperCase(Locale.ROOT) + " but was dropped in " + folderOf(file)
                + ": " + dropInto(targetLanguage, XliffMerge.isXliff(file.name()));
    }

    /**
     * Where a return goes, said the same way whatever folder it was found in, naming where the
     * file says its language: an XLIFF file has no translation: block, its metadata says it.
     */
    private static String dropInto(String targetLanguage, boolean xliff) {
        return "returns are taken from the folder of their language only; drop it into "
                + HomeLayout.returnsFolder(LanguageResolver.normalise(targetLanguage)) + "/ ("
                + (xliff ? "its XLIFF metadata's target_lang is " : "its translation: block's target_lang is ")
                + targetLanguage + ")";
    }

    private static Integer version(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A filled XLIFF file as the Markdown return it stands for. Merging needs the draft of the
     * version of the source it names, so a file naming no published article or version is
     * rejected here, as a Markdown return naming one is in {@link #check}.
     */
    private XliffMerge.Merged mergeXliff(SourceFile file, String folderLanguage) throws IOException {
        XliffReader.Filled filled = xliff.read(file.bytes());
        Optional<TranslationBlock.Named> named = XliffMerge.names(filled);
        if (named.isPresent()) {
            TranslationBlock.Named source = named.get();
            Optional<BundleManifest> manifest = bundles.manifest(source.source());
            Integer version = version(source.sourceVersion());
            String target = source.targetLanguage() == null ? null : source.targetLanguage().strip().toLowerCase(Locale.ROOT);
            if (target != null && !target.isEmpty() && !LanguageResolver.normalise(target).equals(folderLanguage)) {
                // The folder first, as for a Markdown return: checked after the merge, a file still
                // being translated got one error per empty unit and no word of its folder.
                throw new RejectedInputException(source.source(), target, version, List.of(Problem.error("translation-language",
                        "translation.target_lang", inAnotherFolder(file, target), null)));
            }
            if (manifest.isEmpty()) {
                String message = unknownSource(source.source(), "the source in its metadata (<mda:meta type=\"source\">)");
                throw new RejectedInputException(source.source(), source.targetLanguage(), version,
                        List.of(Problem.error("translation-unknown-source", "translation.source", message, null)));
            }
            if (version != null && (version < 1 || version > manifest.get().version())) {
                String message = unknownVersion(source.source(), version, manifest.get());
                throw new RejectedInputException(source.source(), source.targetLanguage(), version,
                        List.of(Problem.error("translation-unknown-version", "translation.source_version", message, null)));
            }
        }
        return xliff.merge(filled);
    }

    private static String unknownVersion(String slug, int version, BundleManifest manifest) {
        return "version " + version + " of '" + slug + "' does not exist (current: " + manifest.version() + ")";
    }

    /**
     * Why a return naming an unpublished slug is rejected: a mistyped slug gets the closest
     * published one as a hint; either way the translator learns how long it waited and what to do.
     *
     * @param where where the file names its source, for the translator to put back as the draft gave it
     */
    private String unknownSource(String slug, String where) throws IOException {
        String hint = Slugs.closest(slug, bundles.slugs()).map(known -> " (did you mean '" + known + "'?)").orElse("");
        return "no published article has the slug '" + slug + "'" + hint + ", and none was published within " + sourceWait
                + " (pipeline.returns.source-wait) of the file's last change; keep " + where + " as the draft gave it,"
                + " or drop the file again once its article is published";
    }

    /** Problems located in the file the translator sent: as they are for Markdown, in the units for XLIFF. */
    private static List<Problem> inFile(Optional<XliffMerge.Merged> merged, List<Problem> problems) {
        return merged.map(xliff -> xliff.locate(problems)).orElse(problems);
    }

    /** "French (fr)": how people and the errors name a language. */
    private static String name(String code) {
        return Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH) + " (" + code + ")";
    }

    private ParsedArticle parseArchived(String text) {
        return parser.parseText(new SourceFile("draft.md", null, new byte[0], null), text);
    }

    /**
     * A rejection naming what the return's translation: block gives: its source, its language
     * and the version it was made for, whatever folder it was dropped in and whether that
     * version exists (the message says what is wrong with them).
     */
    private static RejectedInputException reject(TranslationBlock block, String code, String field, String message) {
        return new RejectedInputException(block.source(), block.targetLanguage(), block.sourceVersion(),
                List.of(Problem.error(code, field, message, null)));
    }
}
