package io.contentpipeline.translate;

import io.contentpipeline.article.SourceFile;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.FrontMatterWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The corpus articles (src/test/resources/corpus) as inputs the pipeline accepts, bodies
 * byte for byte: the OpenTelemetry pages and a few others lack the {@code date} (or
 * {@code title}) the metadata rules require, and the Rust posts have TOML front matter,
 * which the pipeline refuses; these get the missing fields, or their TOML title and
 * description as YAML. Used where the body is what is tested, not the front matter.
 */
public final class CorpusArticles {

    private static final Pattern TOML = Pattern.compile("\\A\\+\\+\\+\\r?\\n(.*?)\\r?\\n\\+\\+\\+[ \\t]*\\r?\\n", Pattern.DOTALL);
    private static final Pattern TOML_STRING = Pattern.compile("(?m)^(title|description)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");
    private static final ArticleParser PARSER = new ArticleParser(5_000_000);

    private CorpusArticles() {
    }

    /** Every corpus article, sorted by path. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("SOURCE.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path root() {
        try {
            return Path.of(CorpusArticles.class.getClassLoader().getResource("corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The article's path under the corpus folder, as failures name it ("pairs/cds-x/fr.md"). */
    public static String name(Path article) {
        return root().relativize(article).toString().replace('\\', '/');
    }

    /** A file name for the inbox, unique across the corpus ("pairs_cds-x_fr.md"). */
    public static String inboxName(Path article) {
        return name(article).replace('/', '_');
    }

    /** The article as an input the pipeline accepts: its body unchanged, its front matter completed. */
    public static String input(Path article) {
        String text;
        try {
            text = Files.readString(article);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher toml = TOML.matcher(text);
        if (toml.lookingAt()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            Matcher field = TOML_STRING.matcher(toml.group(1));
            while (field.find()) {
                fields.put(field.group(1), field.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            fields.put("date", "2024-01-01");
            return "---\n" + FrontMatterWriter.yaml(fields) + "---\n" + text.substring(toml.end());
        }
        var frontMatter = PARSER.parseText(new SourceFile(article.getFileName().toString(), null, new byte[0], null), text).frontMatter();
        StringBuilder added = new StringBuilder();
        if (!frontMatter.has("date")) {
            added.append("date: 2024-01-01\n");
        }
        if (!frontMatter.has("title")) {
            added.append("title: ").append(article.getParent().getFileName()).append('\n');
        }
        if (added.isEmpty()) {
            return text;
        }
        int afterFirstLine = text.indexOf('\n') + 1;
        return text.substring(0, afterFirstLine) + added + text.substring(afterFirstLine);
    }
}
