package io.contentpipeline.evaluation;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.review.ReturnReview;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Calibration of the return checks (run by hand):
 * <pre>java -cp target/content-pipeline.jar io.contentpipeline.evaluation.ReviewCalibration [corpus folder]</pre>
 * Every corpus pair is reviewed in both directions (each side can serve as the source of
 * the other): how many real human translations pass without error, and every error they
 * get. Then broken variants of each real translation (a heading dropped, a paragraph left
 * in the source language, a relative link changed, a code block altered, a number changed,
 * a paragraph deleted) and whether each is caught with its code.
 */
public final class ReviewCalibration {

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} .*\\n");
    private static final Pattern RELATIVE_LINK = Pattern.compile("\\]\\((/[^)\\s]*|[a-z0-9_.-]+/[^)\\s]*)\\)");
    /** The first line of a fenced code block that is not a comment. */
    private static final Pattern CODE_LINE = Pattern.compile("(?m)(^```[^\\n]*\\n(?:\\s*(?:#|//).*\\n)*[^#/\\n][^\\n]*)\\n");
    private static final Pattern PROSE_NUMBER = Pattern.compile("(?<=[\\s(])(\\d{1,4})(?=[\\s,.;:)%])");
    /**
     * An ordered list's marker at the start of a line ("1. ", "2) "): a number of the Markdown,
     * not of the text. Changed, it is no number changed but a list broken ("2." cannot start a
     * list right after a paragraph), which the review rightly reports as structure-list-items.
     */
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^ {0,3}\\d{1,9}[.)](?=[ \\t]|$)");

    private final ArticleParser parser = new ArticleParser(50_000_000);
    private final Segmenter segmenter = new Segmenter(new MarkdownEngine());
    private final ReturnReview review = new ReturnReview();

    private record Variant(String name, String code, UnaryOperator<String> breakIt) {
    }

    /**
     * What a calibration run measured. Of the translations reviewed, {@code drifted} are of
     * pairs their publisher marks as no longer matching their source ({@code drifted_from_default:
     * true}: OpenTelemetry's localisation tooling sets it when the English page changed after the
     * French was made), {@code acceptedDrifted} of them accepted.
     */
    public record Result(int reviewed, int accepted, int drifted, int acceptedDrifted, int variants, int caught) {
        public double acceptedShare() {
            return (double) accepted / reviewed;
        }

        /** Accepted among the pairs whose two sides their publisher gives as the same text. */
        public double acceptedShareInStep() {
            return (double) (accepted - acceptedDrifted) / (reviewed - drifted);
        }

        public double caughtShare() {
            return (double) caught / variants;
        }
    }

    public static void main(String[] args) throws IOException {
        Path pairs = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus").resolve("pairs");
        new ReviewCalibration().run(pairs, true);
    }

    public Result run(Path pairs, boolean print) throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(pairs)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        int reviewed = 0;
        int accepted = 0;
        int drifted = 0;
        int acceptedDrifted = 0;
        Map<String, Integer> errorCodes = new TreeMap<>();
        Map<String, Integer> warningCodes = new TreeMap<>();
        List<String> rejections = new ArrayList<>();
        Map<String, int[]> caught = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (Path folder : folders) {
            boolean pairDrifted = drifted(folder.resolve("fr.md")) || drifted(folder.resolve("en.md"));
            for (String[] direction : new String[][]{{"fr", "en"}, {"en", "fr"}}) {
                String sourceText = Files.readString(folder.resolve(direction[0] + ".md"));
                String targetText = Files.readString(folder.resolve(direction[1] + ".md"));
                List<Problem> problems = check(sourceText, targetText, direction[1]);
                reviewed++;
                drifted += pairDrifted ? 1 : 0;
                List<Problem> errors = problems.stream().filter(Problem::isError).toList();
                problems.stream().filter(p -> !p.isError()).forEach(p -> warningCodes.merge(p.code(), 1, Integer::sum));
                if (errors.isEmpty()) {
                    accepted++;
                    acceptedDrifted += pairDrifted ? 1 : 0;
                } else {
                    errors.forEach(e -> errorCodes.merge(e.code(), 1, Integer::sum));
                    errors.forEach(e -> rejections.add(folder.getFileName() + " " + direction[0] + "→" + direction[1]
                            + (pairDrifted ? " (drifted)" : "") + ": " + e.code() + " " + (e.field() == null ? "" : e.field() + " ") + e.message()));
                }
                for (Variant variant : variants(sourceText, direction[0])) {
                    String broken = variant.breakIt().apply(targetText);
                    boolean alreadyFlagged = problems.stream().anyMatch(p -> p.code().equals(variant.code()));
                    if (broken == null || broken.equals(targetText) || alreadyFlagged) {
                        continue;
                    }
                    int[] counts = caught.computeIfAbsent(variant.name() + " → " + variant.code(), k -> new int[2]);
                    counts[1]++;
                    List<Problem> found = check(sourceText, broken, direction[1]);
                    if (found.stream().anyMatch(p -> p.code().equals(variant.code()))) {
                        counts[0]++;
                    } else {
                        misses.add(variant.name() + ": " + folder.getFileName() + " " + direction[0] + "→" + direction[1]
                                + " got " + found.stream().filter(Problem::isError).map(Problem::code).distinct().toList());
                    }
                }
            }
        }
        int total = 0;
        int hit = 0;
        for (int[] counts : caught.values()) {
            hit += counts[0];
            total += counts[1];
        }
        Result result = new Result(reviewed, accepted, drifted, acceptedDrifted, total, hit);
        if (print) {
            print(result, errorCodes, warningCodes, rejections, caught);
            System.out.println("Variants missed:");
            misses.forEach(miss -> System.out.println("  " + miss));
        }
        return result;
    }

    private static void print(Result result, Map<String, Integer> errorCodes, Map<String, Integer> warningCodes,
                              List<String> rejections, Map<String, int[]> caught) {
        System.out.printf("Real human translations accepted (no error): %d/%d (%.1f%%)%n", result.accepted(), result.reviewed(),
                100.0 * result.acceptedShare());
        System.out.printf("  of pairs their publisher marks drifted from their source (drifted_from_default: true): %d/%d accepted%n",
                result.acceptedDrifted(), result.drifted());
        System.out.printf("  of the other pairs: %d/%d (%.1f%%)%n", result.accepted() - result.acceptedDrifted(),
                result.reviewed() - result.drifted(), 100.0 * result.acceptedShareInStep());
        System.out.println("Errors by code: " + errorCodes);
        System.out.println("Warnings by code (all translations): " + warningCodes);
        rejections.forEach(r -> System.out.println("  " + r));
        System.out.println();
        System.out.println("Broken variants caught with the right code:");
        for (Map.Entry<String, int[]> entry : caught.entrySet()) {
            System.out.printf("  %-48s %d/%d%n", entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
        }
        System.out.printf("  %-48s %d/%d (%.1f%%)%n", "all", result.caught(), result.variants(), 100.0 * result.caughtShare());
    }

    /**
     * Whether the publisher marks the page as no longer a translation of its source's current
     * text: OpenTelemetry's localised pages carry {@code drifted_from_default: true} once the
     * English page changed after them (their {@code default_lang_commit} names the one translated).
     */
    private boolean drifted(Path side) throws IOException {
        ParsedArticle parsed = parser.parseText(new SourceFile(side.getFileName().toString(), null, new byte[0], null),
                Files.readString(side));
        return Boolean.TRUE.equals(parsed.frontMatter().get("drifted_from_default"));
    }

    private List<Problem> check(String source, String translation, String targetLanguage) {
        return review.review(segment(source), segment(translation), targetLanguage);
    }

    private SegmentedArticle segment(String text) {
        ParsedArticle parsed = parser.parseText(new SourceFile("x.md", null, new byte[0], null), text);
        return segmenter.segment(parsed.frontMatter(), parsed.body(), parsed.bodyLine());
    }

    /** Ways of breaking a real translation; each returns null when the translation offers no place for it. */
    private List<Variant> variants(String source, String sourceLanguage) {
        return List.of(
                new Variant("heading dropped", "structure-headings", t -> replaceFirst(HEADING.matcher(t), "")),
                new Variant("paragraph left in the source language", "segment-identical",
                        t -> swapFirstParagraph(t, source)),
                new Variant("relative link changed", "protected-token",
                        t -> replaceFirst(RELATIVE_LINK.matcher(body(t)), "](/changed$1)", t)),
                new Variant("code block altered", "code-block-changed",
                        t -> replaceFirst(CODE_LINE.matcher(body(t)), "$1 --changed\n", t)),
                new Variant("number changed", "number-missing", t -> changeNumber(t, source)),
                new Variant("paragraph deleted", "content-missing", ReviewCalibration::deleteLongestParagraph));
    }

    private static String body(String text) {
        return text.substring(text.indexOf("\n---", 3) + 4);
    }

    private static String replaceFirst(Matcher matcher, String replacement) {
        return matcher.find() ? matcher.replaceFirst(Matcher.quoteReplacement(replacement)) : null;
    }

    /** Replaces within the body only, keeping the front matter. */
    private static String replaceFirst(Matcher bodyMatcher, String replacement, String text) {
        if (!bodyMatcher.find()) {
            return null;
        }
        String head = text.substring(0, text.indexOf("\n---", 3) + 4);
        return head + bodyMatcher.replaceFirst(replacement);
    }

    private static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : body(text).split("\\n\\s*\\n")) {
            String trimmed = block.strip();
            if (trimmed.length() >= 80 && Character.isLetter(trimmed.charAt(0)) && !trimmed.startsWith("{{")) {
                paragraphs.add(trimmed);
            }
        }
        return paragraphs;
    }

    private static String swapFirstParagraph(String translation, String source) {
        List<String> targets = paragraphs(translation);
        List<String> sources = paragraphs(source);
        return targets.isEmpty() || sources.isEmpty() ? null : translation.replace(targets.get(0), sources.get(0));
    }

    /** Changes a number that the source also has, in a paragraph of prose (not in a URL, code or a list marker). */
    static String changeNumber(String translation, String source) {
        for (String paragraph : paragraphs(translation)) {
            Matcher number = PROSE_NUMBER.matcher(paragraph);
            while (number.find()) {
                String value = number.group(1);
                if (body(source).contains(value) && !isListMarker(paragraph, number.start(1))) {
                    String changed = paragraph.substring(0, number.start(1)) + (Integer.parseInt(value) + 1)
                            + paragraph.substring(number.end(1));
                    return translation.replace(paragraph, changed);
                }
            }
        }
        return null;
    }

    private static boolean isListMarker(String paragraph, int index) {
        Matcher marker = LIST_MARKER.matcher(paragraph);
        while (marker.find()) {
            if (marker.start() <= index && index < marker.end()) {
                return true;
            }
        }
        return false;
    }

    private static String deleteLongestParagraph(String translation) {
        return paragraphs(translation).stream().max((a, b) -> Integer.compare(a.length(), b.length()))
                .map(p -> translation.replace(p + "\n", "").replace(p, "")).orElse(null);
    }
}
