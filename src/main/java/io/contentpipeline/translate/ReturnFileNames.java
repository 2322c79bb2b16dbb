package io.contentpipeline.translate;

import io.contentpipeline.files.FileNames;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.slug.Slugs;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The article a returned file names by its file name alone, for a return rejected before its
 * translation: block could be read (front matter mangled on the way back, a file too large or
 * not UTF-8): without it, the language would go on showing {@code requested} in bundle.json
 * while the translator's file sits in outbox/rejected/.
 * <p>
 * Drafts go out as {@code <slug>.md} and {@code <slug>.xlf}, and come back under that name, or
 * under the names tools and browsers give a copy: {@code <slug>.2.md} (this pipeline's own
 * numbering of a rejected copy, dropped back once corrected), {@code <slug> (1).md}, or with
 * the language added ({@code <slug>.en.xlf}, {@code <slug>_EN.md}). A name counts only when a
 * draft into the folder's language went out for that slug: any other name names nothing.
 */
public final class ReturnFileNames {

    private static final Pattern COPY_NUMBER = Pattern.compile("(?:\\.\\d+| ?\\(\\d+\\))$");

    private final BundleStore bundles;

    public ReturnFileNames(BundleStore bundles) {
        this.bundles = bundles;
    }

    /**
     * @param fileName the returned file's name
     * @param language the language folder it was dropped in, lower-case
     * @return the slug of the article whose draft into {@code language} the name names, if any;
     *         none when its bundle.json cannot be read, since a guess must not fail the rejection
     */
    public Optional<String> slugOf(String fileName, String language) {
        for (String candidate : candidates(fileName, language)) {
            if (Slugs.isSlug(candidate) && draftWentOut(candidate, language)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The name without its extension, then without a copy number, then without the language: the most literal first. */
    static Set<String> candidates(String fileName, String language) {
        Set<String> stems = new LinkedHashSet<>();
        String stem = FileNames.stem(fileName).toLowerCase(Locale.ROOT);
        stems.add(stem);
        String uncounted = COPY_NUMBER.matcher(stem).replaceFirst("");
        stems.add(uncounted);
        for (String separator : new String[] {".", "_", "-"}) {
            String suffix = separator + language;
            if (uncounted.endsWith(suffix)) {
                stems.add(uncounted.substring(0, uncounted.length() - suffix.length()));
            }
        }
        return stems;
    }

    private boolean draftWentOut(String slug, String language) {
        try {
            Optional<BundleManifest> manifest = bundles.manifest(slug);
            return manifest.isPresent() && !language.equals(manifest.get().sourceLanguage())
                    && manifest.get().translations().containsKey(language);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
