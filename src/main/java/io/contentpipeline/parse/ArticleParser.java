package io.contentpipeline.parse;

import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.language.LanguageResolver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dropped file as an article: decodes the text, splits front matter from body,
 * repairs the one YAML flaw authors commonly make, and parses the YAML. Any other problem
 * rejects the file with where it is.
 */
public final class ArticleParser {

    private static final Pattern XLIFF_NAME = Pattern.compile("(?i)\\.(xlf|xliff)$");
    /** XLIFF 2's trgLang or XLIFF 1.2's target-language. */
    private static final Pattern TARGET_LANGUAGE = Pattern.compile("(?:trgLang|target-language)\\s*=\\s*[\"']([A-Za-z_-]+)[\"']");

    private final YamlFrontMatterReader yamlReader = new YamlFrontMatterReader();
    private final long maxBytes;
    private final String limitSetting;

    public ArticleParser(long maxBytes) {
        this(maxBytes, "pipeline.max-file-bytes");
    }

    /**
     * @param maxBytes     larger files are rejected
     * @param limitSetting the setting that sets that limit, named in the message: returned
     *                     translations have one of their own
     */
    public ArticleParser(long maxBytes, String limitSetting) {
        this.maxBytes = maxBytes;
        this.limitSetting = limitSetting;
    }

    public ParsedArticle parse(SourceFile file) {
        if (XLIFF_NAME.matcher(file.name()).find()) {
            // A filled XLIFF file in the article inbox: the translator's folder is the one to name.
            Matcher target = TARGET_LANGUAGE.matcher(new String(file.bytes(), 0, Math.min(file.bytes().length, 4096), StandardCharsets.UTF_8));
            String folder = HomeLayout.returnsFolder(target.find() ? LanguageResolver.normalise(target.group(1)) : "<LANG>");
            throw new RejectedInputException(Problem.error("translation-in-inbox", null,
                    "this is an XLIFF translation file: drop it into " + folder + "/, not into inbox/", null));
        }
        if (file.bytes().length > maxBytes) {
            throw new RejectedInputException(Problem.error("file-too-large", null,
                    "the file is " + file.bytes().length + " bytes; the limit is " + maxBytes
                            + " (setting " + limitSetting + ")", null));
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(file.bytes());
        ParsedArticle parsed = parseText(file, decoded.text());
        if (decoded.warning().isEmpty()) {
            return parsed;
        }
        List<Problem> warnings = new ArrayList<>(parsed.warnings());
        warnings.add(0, decoded.warning().get());
        return new ParsedArticle(parsed.file(), parsed.text(), parsed.frontMatter(), parsed.body(), parsed.bodyLine(), warnings);
    }

    /** Parses text that is already decoded, such as a translation rebuilt from another format. */
    public ParsedArticle parseText(SourceFile file, String text) {
        FrontMatterBlock block = FrontMatterBlock.locate(text);
        QuotedEscapeRepair.Result repaired = QuotedEscapeRepair.repair(block.yaml(), block.firstLine());
        FrontMatter frontMatter = yamlReader.read(repaired.yaml(), block.firstLine());
        if (frontMatter.fields().isEmpty()) {
            throw new RejectedInputException(Problem.error("empty-front-matter", null,
                    "the front matter is empty", block.firstLine()));
        }
        List<Problem> warnings = new ArrayList<>(repaired.warnings());
        return new ParsedArticle(file, text, frontMatter, block.body(), block.bodyLine(), warnings);
    }
}
