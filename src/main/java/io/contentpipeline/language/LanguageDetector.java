package io.contentpipeline.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.contentpipeline.text.WordCount;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Language detection with Lingua, restricted to the languages the pipeline may meet
 * (fewer candidates: faster, smaller and more accurate). Long texts are sampled: past a few
 * hundred characters more text does not change the answer, only the time, and detection is
 * the costliest step of deriving an article's metadata.
 */
public final class LanguageDetector {

    /**
     * Enough text for a sure answer: on the corpus, 250 characters from the start already give
     * the answer 1,500 give, on every body of 50 words or more, and three windows of 100
     * characters give it on every body too (docs/authors.md, "Language intelligence"). Lingua's cost
     * grows with the words it is given.
     */
    static final int MAX_CHARS = 300;
    /** The sample is taken from the start, the middle and the end of a long text. */
    private static final int WINDOWS = 3;
    /** Fewer words than this give no confident answer, whatever the detector says. */
    static final int MIN_WORDS = 3;

    /** The ISO 639-1 codes Lingua has a model for, in lower case. */
    private static final SortedSet<String> SUPPORTED = Collections.unmodifiableSortedSet(Arrays.stream(IsoCode639_1.values())
            .filter(code -> code != IsoCode639_1.NONE)
            .map(code -> code.name().toLowerCase(Locale.ROOT))
            .collect(TreeSet::new, TreeSet::add, TreeSet::addAll));

    private final CompletableFuture<com.github.pemistahl.lingua.api.LanguageDetector> lingua;

    /** The languages the detector can tell apart: ISO 639-1 codes in lower case, sorted. */
    public static SortedSet<String> supportedLanguages() {
        return SUPPORTED;
    }

    /** Whether the detector knows this ISO 639-1 code, in either case. */
    public static boolean supports(String code) {
        return SUPPORTED.contains(code.toLowerCase(Locale.ROOT));
    }

    public LanguageDetector(Collection<String> languages) {
        Language[] candidates = languages.stream()
                .map(LanguageDetector::language)
                .distinct().toArray(Language[]::new);
        if (candidates.length < 2) {
            throw new IllegalArgumentException("language detection needs at least two candidate languages: " + languages);
        }
        // Models load at start-up, in the background while Camel loads its routes, rather than on
        // the first article, so that latency stays flat. Low-accuracy mode (trigrams only) is as
        // right on this corpus as the full models (docs/authors.md, "Language intelligence") at a third of
        // the memory and start-up time.
        this.lingua = CompletableFuture.supplyAsync(() -> LanguageDetectorBuilder.fromLanguages(candidates)
                .withLowAccuracyMode().withPreloadedLanguageModels().build());
    }

    private static Language language(String code) {
        if (!supports(code)) {
            throw new IllegalArgumentException("the language detector does not know " + code + "; it knows " + String.join(", ", SUPPORTED));
        }
        return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
    }

    public DetectedLanguage detect(String text) {
        String sample = sample(text);
        if (WordCount.of(sample) < MIN_WORDS) {
            return DetectedLanguage.UNKNOWN;
        }
        SortedMap<Language, Double> confidences = lingua.join().computeLanguageConfidenceValues(sample);
        if (confidences.isEmpty()) {
            return DetectedLanguage.UNKNOWN;
        }
        Map.Entry<Language, Double> best = confidences.entrySet().iterator().next();
        for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
            if (entry.getValue() > best.getValue()) {
                best = entry;
            }
        }
        return new DetectedLanguage(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT), reliability(WordCount.of(sample)));
    }

    /**
     * How far to trust an answer, by the words it was drawn from. Lingua 1.2's own values are
     * relative (its best language always scores 1.0, and on real articles the runner-up often
     * scores above 0.95), so they say nothing about being right. What does is the length of
     * the text: the share of stretches of that many words the detector got right on the corpus
     * (evaluation command, "Language detection by length of text").
     */
    static double reliability(int words) {
        for (int band = RELIABILITY.length - 1; band >= 0; band--) {
            if (words >= RELIABILITY[band][0]) {
                return RELIABILITY[band][1];
            }
        }
        return 0;
    }

    /** {words at least, share right}: measured on the corpus' 416 articles, about 3,700 stretches each. */
    private static final double[][] RELIABILITY = {
            {3, 0.807}, {5, 0.914}, {8, 0.964}, {10, 0.975}, {12, 0.987}, {15, 0.992}, {20, 0.995}, {30, 0.998}};

    /**
     * The text itself when short; else three stretches of whole words from its start, middle
     * and end, so that the sample stands for the whole text rather than for its introduction.
     */
    static String sample(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int window = MAX_CHARS / WINDOWS;
        StringBuilder sample = new StringBuilder(MAX_CHARS + WINDOWS);
        for (int i = 0; i < WINDOWS; i++) {
            int from = wordStart(text, (int) ((long) (text.length() - window) * i / (WINDOWS - 1)));
            int to = wordEnd(text, from, Math.min(text.length(), from + window));
            sample.append(text, from, to).append(' ');
        }
        return sample.toString();
    }

    /** The start of the first whole word at or after {@code index}. */
    private static int wordStart(String text, int index) {
        if (index == 0 || Character.isWhitespace(text.charAt(index - 1))) {
            return index;
        }
        int space = indexOfWhitespace(text, index);
        return space < 0 ? index : space + 1;
    }

    /** The end of the last whole word before {@code limit}, when there is one in the second half of the window. */
    private static int wordEnd(String text, int from, int limit) {
        if (limit == text.length()) {
            return limit;
        }
        for (int i = limit; i > from + (limit - from) / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return limit;
    }

    private static int indexOfWhitespace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
