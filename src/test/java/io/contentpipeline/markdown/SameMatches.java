package io.contentpipeline.markdown;

import io.contentpipeline.translate.CorpusArticles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a hand-written finder finds what a {@code find()} loop over its regular
 * expression finds, match for match, on every corpus article and on random texts made of the
 * pieces where the two could part. Each match is written "[start,end) text".
 */
final class SameMatches {

    private SameMatches() {
    }

    /** Asserts the same matches on every corpus article; returns how many matches they hold. */
    static int onTheCorpus(Pattern pattern, Function<String, List<String>> finder) {
        List<Path> articles = CorpusArticles.all();
        int matches = 0;
        for (Path article : articles) {
            String text = read(article);
            List<String> expected = searched(pattern, text);
            assertThat(finder.apply(text)).as(article.toString()).isEqualTo(expected);
            matches += expected.size();
        }
        assertThat(articles).hasSizeGreaterThan(400);
        return matches;
    }

    /** Asserts the same matches on random texts of 1 to maxPieces pieces; returns how many texts held a match. */
    static int onRandomTexts(Pattern pattern, Function<String, List<String>> finder, String[] pieces, int maxPieces, int texts) {
        Random random = new Random(20261128L);
        int withMatches = 0;
        for (int i = 0; i < texts; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(maxPieces); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> expected = searched(pattern, text.toString());
            assertThat(finder.apply(text.toString())).as(text.toString()).isEqualTo(expected);
            withMatches += expected.isEmpty() ? 0 : 1;
        }
        return withMatches;
    }

    static String match(String text, int start, int end) {
        return "[" + start + "," + end + ") " + text.substring(start, end);
    }

    private static List<String> searched(Pattern pattern, String text) {
        List<String> matches = new ArrayList<>();
        Matcher search = pattern.matcher(text);
        while (search.find()) {
            matches.add(match(text, search.start(), search.end()));
        }
        return matches;
    }

    private static String read(Path article) {
        try {
            return Files.readString(article, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
