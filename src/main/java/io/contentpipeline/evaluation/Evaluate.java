package io.contentpipeline.evaluation;

import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.language.DetectedLanguage;
import io.contentpipeline.language.LanguageDetector;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.markdown.ProseBlock;
import io.contentpipeline.markdown.ProseBlocks;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.summarize.ExtractiveSummarizer;
import io.contentpipeline.summarize.SummaryLength;
import io.contentpipeline.text.SentenceSplitter;
import io.contentpipeline.text.TermAnalyzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The evaluation command (run by hand, not by CI):
 * <pre>java -cp target/content-pipeline.jar io.contentpipeline.evaluation.Evaluate [corpus folder]</pre>
 * Summaries: on every article of the corpus pairs that has a description, the description
 * is removed, the summariser runs on the body, and ROUGE F1 against the author's
 * description is printed per language beside baselines computed in the same run.
 * Language detection: accuracy on every corpus file, by language, on bodies and on titles.
 */
public final class Evaluate {

    private static final long SEED = 20261127L;

    private final ArticleParser parser = new ArticleParser(50_000_000);
    private final MarkdownEngine markdown = new MarkdownEngine();
    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer(new TermAnalyzer());
    private final LanguageDetector detector = new LanguageDetector(List.of("en", "fr", "es", "de", "it", "pt", "nl"));

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus");
        Evaluate evaluate = new Evaluate();
        evaluate.summaries(corpus.resolve("pairs"));
        evaluate.detection(corpus);
    }

    private record Article(Path file, String language, FrontMatter frontMatter, List<ProseBlock> blocks) {
        String title() {
            return frontMatter.text("title").orElse("");
        }
    }

    private void summaries(Path pairs) throws IOException {
        Map<String, Map<String, List<Rouge.Scores>>> results = new TreeMap<>();
        Random random = new Random(SEED);
        for (Path file : files(pairs)) {
            Article article = read(file);
            var description = article.frontMatter().text("description");
            if (description.isEmpty()) {
                continue;
            }
            SummaryLength length = SummaryLength.DEFAULT;
            Map<String, String> candidates = new TreeMap<>();
            candidates.put("1 pipeline", summarizer.summarize(article.blocks(), article.language(), article.title(), length));
            candidates.put("2 lead", lead(article, length));
            candidates.put("3 hugo-70-words", firstWords(article.blocks(), 70));
            candidates.put("4 random", randomSentences(article, length, random));
            candidates.forEach((method, text) -> results.computeIfAbsent(article.language(), l -> new TreeMap<>())
                    .computeIfAbsent(method, m -> new ArrayList<>()).add(Rouge.score(text, description.get())));
        }
        System.out.println("Summaries against the author's description (ROUGE F1, mean over articles)");
        System.out.printf("%-5s %-16s %5s %8s %8s %8s%n", "lang", "method", "n", "ROUGE-1", "ROUGE-2", "ROUGE-L");
        results.forEach((language, methods) -> methods.forEach((method, scores) -> System.out.printf(
                "%-5s %-16s %5d %8.3f %8.3f %8.3f%n", language, method.substring(2), scores.size(),
                mean(scores, Rouge.Scores::rouge1), mean(scores, Rouge.Scores::rouge2), mean(scores, Rouge.Scores::rougeL))));
    }

    private void detection(Path corpus) throws IOException {
        Map<String, int[]> bodies = new TreeMap<>();
        Map<String, int[]> longBodies = new TreeMap<>();
        Map<String, int[]> titles = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Path file : files(corpus)) {
            Article article = read(file);
            if (article == null) {
                continue;
            }
            String text = String.join("\n", article.blocks().stream().map(ProseBlock::text).toList());
            int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
            if (words > 0) {
                DetectedLanguage detected = detector.detect(text);
                count(bodies, article.language(), detected.language());
                if (words >= 50) {
                    count(longBodies, article.language(), detected.language());
                    if (!detected.language().equals(article.language())) {
                        misses.add(corpus.relativize(file) + " detected " + detected);
                    }
                }
            }
            if (!article.title().isBlank()) {
                count(titles, article.language(), detector.detect(article.title()).language());
            }
        }
        System.out.println();
        System.out.println("Language detection (Lingua), correct / files");
        print("bodies, all", bodies);
        print("bodies >= 50 words", longBodies);
        print("titles alone", titles);
        misses.forEach(miss -> System.out.println("  miss: " + miss));
        detectionByLength(corpus);
    }

    /**
     * How often detection is right on a text of so many words: stretches of k words taken every
     * 40 words of each article's prose (ten at most an article). This is what the detector's
     * confidence stands for (LanguageDetector.RELIABILITY).
     */
    private void detectionByLength(Path corpus) throws IOException {
        int[] lengths = {3, 5, 8, 10, 12, 15, 20, 30};
        int[] right = new int[lengths.length];
        int[] tried = new int[lengths.length];
        for (Path file : files(corpus)) {
            Article article = read(file);
            if (article == null) {
                continue;
            }
            String[] words = String.join(" ", article.blocks().stream().map(ProseBlock::text).toList()).strip().split("\\s+");
            for (int k = 0; k < lengths.length; k++) {
                for (int from = 0, taken = 0; from + lengths[k] <= words.length && taken < 10; from += 40, taken++) {
                    String stretch = String.join(" ", Arrays.asList(words).subList(from, from + lengths[k]));
                    tried[k]++;
                    right[k] += detector.detect(stretch).language().equals(article.language()) ? 1 : 0;
                }
            }
        }
        System.out.println("Language detection by length of text, correct / stretches");
        for (int k = 0; k < lengths.length; k++) {
            System.out.printf(Locale.ROOT, "  %2d words: %d/%d (%.1f%%)%n", lengths[k], right[k], tried[k], 100.0 * right[k] / tried[k]);
        }
    }

    private Article read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String language = expectedLanguage(file);
        try {
            ParsedArticle parsed = parser.parse(new SourceFile(file.getFileName().toString(), file, bytes, null));
            return new Article(file, language, parsed.frontMatter(), ProseBlocks.of(markdown.parse(parsed.body())));
        } catch (RuntimeException rejected) {
            // TOML front matter (the Rust blog) or a broken file: judge the body alone.
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            int end = text.indexOf("\n+++", 3);
            String body = text.startsWith("+++") && end > 0 ? text.substring(end + 4) : text;
            return new Article(file, language, FrontMatter.empty(), ProseBlocks.of(markdown.parse(body)));
        }
    }

    /** pairs/&lt;slug&gt;/en.md and singles/&lt;site&gt;__&lt;lang&gt;__&lt;path&gt;.md say their language. */
    private static String expectedLanguage(Path file) {
        String name = file.getFileName().toString();
        if (name.equals("en.md") || name.equals("fr.md")) {
            return name.substring(0, 2);
        }
        return name.split("__")[1];
    }

    private static String lead(Article article, SummaryLength length) {
        List<String> sentences = new ArrayList<>();
        int chars = 0;
        for (ProseBlock block : article.blocks()) {
            if (!block.isRunningText()) {
                continue;
            }
            for (String sentence : SentenceSplitter.split(block.text(), article.language())) {
                if (sentences.size() == length.maxSentences() || (!sentences.isEmpty() && chars + sentence.length() + 1 > length.maxChars())) {
                    return String.join(" ", sentences);
                }
                sentences.add(sentence);
                chars += sentence.length() + 1;
            }
        }
        return String.join(" ", sentences);
    }

    private static String firstWords(List<ProseBlock> blocks, int count) {
        List<String> words = new ArrayList<>();
        for (ProseBlock block : blocks) {
            for (String word : block.text().split("\\s+")) {
                if (words.size() == count) {
                    return String.join(" ", words);
                }
                words.add(word);
            }
        }
        return String.join(" ", words);
    }

    private static String randomSentences(Article article, SummaryLength length, Random random) {
        List<String> sentences = new ArrayList<>();
        for (ProseBlock block : article.blocks()) {
            if (block.isRunningText()) {
                sentences.addAll(SentenceSplitter.split(block.text(), article.language()));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<Integer> chosen = new ArrayList<>();
        int chars = 0;
        for (int index : order) {
            if (chosen.size() == length.maxSentences()) {
                break;
            }
            if (chars + sentences.get(index).length() + 1 <= length.maxChars()) {
                chosen.add(index);
                chars += sentences.get(index).length() + 1;
            }
        }
        Collections.sort(chosen);
        return String.join(" ", chosen.stream().map(sentences::get).toList());
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("SOURCE.md"))
                    .sorted().toList();
        }
    }

    private static void count(Map<String, int[]> table, String expected, String detected) {
        int[] counts = table.computeIfAbsent(expected, l -> new int[2]);
        counts[1]++;
        if (expected.equals(detected)) {
            counts[0]++;
        }
    }

    private static void print(String label, Map<String, int[]> table) {
        StringBuilder line = new StringBuilder(String.format("%-20s", label));
        table.forEach((language, counts) -> line.append(String.format("  %s %d/%d (%.1f%%)", language, counts[0], counts[1],
                100.0 * counts[0] / counts[1])));
        System.out.println(line);
    }

    private static double mean(List<Rouge.Scores> scores, java.util.function.ToDoubleFunction<Rouge.Scores> metric) {
        return scores.stream().mapToDouble(metric).average().orElse(0);
    }
}
