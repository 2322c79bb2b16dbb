package io.contentpipeline.translate;

import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.slug.Slugs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code translation:} block of a draft and of its return: which source version it translates. */
public record TranslationBlock(String source, String sourceLanguage, String targetLanguage, int sourceVersion,
                               String sourceSha256) {

    public static final String KEY = "translation";
    /** In a draft that reuses an earlier translation: the ids of the segments left to translate. */
    public static final String NEEDS_WORK_SEGMENTS = "needs_work_segments";
    /**
     * The line a Markdown draft has just above its block: a translator working from a folder
     * may never read the README, and a return without the block cannot be matched to its source.
     * A comment, so that a return may keep it or drop it: it is no part of the block's values.
     */
    public static final String KEEP_COMMENT = "Leave the translation: block as it is: it tells the pipeline which article and version you translated.";
    /** Set on pseudo-translations, which are not in any language and skip the language checks. */
    public static final String PSEUDO = "pseudo";

    /** Reads the block, rejecting the return with a clear message when it is missing or damaged. */
    public static TranslationBlock of(FrontMatter frontMatter) {
        if (!(frontMatter.get(KEY) instanceof Map<?, ?> block)) {
            throw reject("the translation: block is missing; keep the block the draft came with");
        }
        String source = text(block, "source").orElseThrow(() -> reject("translation.source is missing"));
        if (!Slugs.isSlug(source)) {
            throw reject("translation.source '" + source + "' is not a slug (lower-case letters, digits and hyphens); "
                    + "keep it as the draft gave it");
        }
        String targetLanguage = text(block, "target_lang").orElseThrow(() -> reject("translation.target_lang is missing"));
        String version = text(block, "source_version").orElseThrow(() -> reject("translation.source_version is missing"));
        int sourceVersion;
        try {
            sourceVersion = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw reject("translation.source_version is not a number: " + version);
        }
        return new TranslationBlock(source, text(block, "source_lang").orElse(null),
                targetLanguage.toLowerCase(Locale.ROOT), sourceVersion, text(block, "source_sha256").orElse(null));
    }

    /** Whether this (returned) block still names the source, version and content of the block a draft was issued with. */
    public boolean matches(Map<String, Object> issued) {
        return source.equals(String.valueOf(issued.get("source")))
                && String.valueOf(sourceVersion).equals(String.valueOf(issued.get("source_version")))
                && String.valueOf(sourceSha256).equals(String.valueOf(issued.get("source_sha256")))
                && String.valueOf(sourceLanguage).equals(String.valueOf(issued.get("source_lang")));
    }

    public static boolean isPseudo(FrontMatter frontMatter) {
        return frontMatter.get(KEY) instanceof Map<?, ?> block && Boolean.TRUE.equals(block.get(PSEUDO));
    }

    /** The segments a reusing draft marked as needing work, as listed in its block. */
    public static java.util.List<String> needsWork(FrontMatter frontMatter) {
        if (frontMatter.get(KEY) instanceof Map<?, ?> block && block.get(NEEDS_WORK_SEGMENTS) instanceof java.util.List<?> ids) {
            return ids.stream().map(String::valueOf).toList();
        }
        return java.util.List.of();
    }

    /** The raw block as a map, for copying it into a draft. */
    public static Map<String, Object> blockOf(FrontMatter frontMatter) {
        Map<String, Object> block = new java.util.LinkedHashMap<>();
        if (frontMatter.get(KEY) instanceof Map<?, ?> map) {
            map.forEach((key, value) -> block.put(String.valueOf(key), value));
        }
        return block;
    }

    /**
     * What a return's block names, as far as it can be read, without rejecting anything: the
     * source slug, and the target language and source version when given (else null). Used to
     * hold back returns whose source is not published yet.
     */
    public record Named(String source, String targetLanguage, String sourceVersion) {

        /**
         * What a block or an XLIFF file's metadata names, blank values read as absent; empty
         * when the source is missing or no slug, since such a source names no bundle (the
         * checks reject it with the reason).
         */
        public static Optional<Named> of(String source, String targetLanguage, String sourceVersion) {
            return present(source).filter(Slugs::isSlug).map(slug -> new Named(slug,
                    present(targetLanguage).map(language -> language.toLowerCase(Locale.ROOT)).orElse(null),
                    present(sourceVersion).orElse(null)));
        }

        private static Optional<String> present(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }
    }

    /** The source a return names, with its language and version, if the block names a source at all. */
    public static Optional<Named> peek(FrontMatter frontMatter) {
        if (!(frontMatter.get(KEY) instanceof Map<?, ?> block)) {
            return Optional.empty();
        }
        return Named.of(text(block, "source").orElse(null), text(block, "target_lang").orElse(null),
                text(block, "source_version").orElse(null));
    }

    private static Optional<String> text(Map<?, ?> block, String key) {
        Object value = block.get(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    private static RejectedInputException reject(String message) {
        return new RejectedInputException(Problem.error("translation-block", KEY, message, null));
    }
}
