package io.contentpipeline.publish;

import com.vladsch.flexmark.util.ast.Document;
import io.contentpipeline.article.Derived;
import io.contentpipeline.files.Sha256;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.markdown.SafeHtml;
import io.contentpipeline.markdown.SafeMarkdown;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the language versions of a bundle into its files: index.&lt;lang&gt;.md (normalised front
 * matter and body, without what could run script, as Hugo reads a page bundle) and
 * index.&lt;lang&gt;.html (a standalone page with hreflang links to every language), plus each
 * language's bundle.json entry.
 */
final class BundleRenderer {

    private final MarkdownEngine markdown;
    private final SafeMarkdown safeMarkdown;
    private final PublicUrls urls;

    BundleRenderer(MarkdownEngine markdown, PublicUrls urls) {
        this.markdown = markdown;
        this.safeMarkdown = new SafeMarkdown(markdown);
        this.urls = urls;
    }

    record Rendered(Map<String, byte[]> files, Map<String, LanguageEntry> entries) {
    }

    Rendered render(String slug, String sourceLanguage, Map<String, LanguageVersion> versions) {
        Map<String, String> alternates = new LinkedHashMap<>();
        versions.values().forEach(v -> alternates.put(v.language(), urls.url(slug, v, v.language().equals(sourceLanguage))));
        String defaultUrl = alternates.get(sourceLanguage);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, LanguageEntry> entries = new LinkedHashMap<>();
        for (LanguageVersion written : versions.values()) {
            String url = alternates.get(written.language());
            String mdName = "index." + written.language() + ".md";
            String htmlName = "index." + written.language() + ".html";
            // Hugo renders this body again, raw HTML allowed: it gets the policy our HTML page gets,
            // and the ids of the outline's raw HTML headings, which Hugo does not make. The derive
            // stage wrote those ids already (it parses the body for them): only a version read back
            // from a bundle has them written here.
            String published = written.derived().publishedBody() != null
                    ? written.derived().publishedBody() : markdown.withHeadingIds(written.body());
            String safeBody = safeMarkdown.clean(published);
            byte[] md = FrontMatterWriter.markdown(written.frontMatter().fields(), safeBody).getBytes(StandardCharsets.UTF_8);
            // Rendered once by the derive stage; versions read back from a bundle are rendered here.
            LanguageVersion version = written.derived().html() != null ? written : rendered(written, published);
            byte[] html = HtmlPage.render(version, url, alternates, defaultUrl, version.derived().html()).getBytes(StandardCharsets.UTF_8);
            files.put(mdName, md);
            files.put(htmlName, html);
            Map<String, String> digests = new LinkedHashMap<>();
            digests.put(mdName, Sha256.of(md));
            digests.put(htmlName, Sha256.of(html));
            entries.put(version.language(), entry(version, url, digests));
        }
        return new Rendered(files, entries);
    }

    /**
     * A version read back from its bundle, with its HTML and its outline made again from its
     * body (one published before heading ids were written has an outline with ids its page lacks).
     */
    private LanguageVersion rendered(LanguageVersion version, String published) {
        Document document = markdown.parse(published);
        Derived read = version.derived();
        Derived derived = new Derived(read.language(), read.detected(), read.summary(), read.summarySource(), read.description(),
                read.descriptionSource(), read.wordCount(), read.readingTimeMinutes(), markdown.outline(document),
                SafeHtml.clean(markdown.render(document)), published, read.warnings());
        return new LanguageVersion(version.language(), version.frontMatter(), version.body(), derived, version.status(),
                version.sourceVersion(), version.translatedVersion(), version.warnings(), version.inputSha256(), version.inputFile(),
                version.acceptedAt());
    }

    private static LanguageEntry entry(LanguageVersion version, String url, Map<String, String> files) {
        Derived derived = version.derived();
        double confidence = Math.round(derived.detected().confidence() * 1000) / 1000.0;
        return new LanguageEntry(version.title(), derived.detected().language(), confidence, derived.description(), derived.summary(), derived.summarySource().label(),
                derived.descriptionSource().label(), url, derived.wordCount(), derived.readingTimeMinutes(),
                derived.outline(), version.status(), version.sourceVersion(), version.translatedVersion(), version.warnings(), files,
                version.inputSha256(), version.inputFile(), version.acceptedAt());
    }
}
