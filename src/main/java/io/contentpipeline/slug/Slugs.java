package io.contentpipeline.slug;

import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.files.FileNames;

import java.net.URI;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses an article's slug: front-matter {@code slug}, else the last path segment of
 * {@code canonical_url}, else the file name; then folds it to lowercase ASCII letters,
 * digits and hyphens. Folding is what keeps a slug from naming any path but its own folder.
 */
public final class Slugs {

    /** What {@link #normalise} takes out or folds: compiled once, not on every slug made or checked. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");
    private static final Pattern TRAILING_HYPHENS = Pattern.compile("-+$");

    private Slugs() {
    }

    public static Optional<String> resolve(FrontMatter frontMatter, String fileName) {
        return frontMatter.text("slug").map(Slugs::normalise).filter(s -> !s.isEmpty())
                .or(() -> frontMatter.text("canonical_url").flatMap(Slugs::lastPathSegment).map(Slugs::normalise)
                        .filter(s -> !s.isEmpty()))
                .or(() -> Optional.of(normalise(FileNames.stem(fileName))).filter(s -> !s.isEmpty()));
    }

    /**
     * The known slug closest to {@code wanted} when it is close enough to be a slip (a letter
     * or two wrong, missing or swapped: at most a quarter of its length, and at least two),
     * for the hint in a rejection; empty when none is.
     */
    public static Optional<String> closest(String wanted, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String slug : known) {
            int distance = distance(wanted, slug);
            if (distance < bestDistance) {
                best = slug;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance > 0 && bestDistance <= Math.max(2, wanted.length() / 4) ? Optional.of(best) : Optional.empty();
    }

    /** Edit distance (insertions, deletions, substitutions), over two rows. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Whether the text is a slug as this pipeline makes them: lower-case letters, digits and single hyphens. */
    public static boolean isSlug(String text) {
        return text != null && !text.isEmpty() && normalise(text).equals(text);
    }

    public static String normalise(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae").replace("ß", "ss")
                .toLowerCase(Locale.ROOT);
        String slug = EDGE_HYPHENS.matcher(NOT_SLUG.matcher(folded).replaceAll("-")).replaceAll("");
        return slug.length() > 100 ? TRAILING_HYPHENS.matcher(slug.substring(0, 100)).replaceAll("") : slug;
    }

    private static Optional<String> lastPathSegment(String url) {
        try {
            String path = URI.create(url.strip()).getPath();
            if (path == null) {
                return Optional.empty();
            }
            String[] segments = path.split("/");
            for (int i = segments.length - 1; i >= 0; i--) {
                if (!segments[i].isBlank()) {
                    return Optional.of(FileNames.stem(segments[i]));
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
