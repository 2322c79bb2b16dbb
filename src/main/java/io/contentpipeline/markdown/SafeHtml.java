package io.contentpipeline.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Allow-list sanitising of rendered article HTML with jsoup: the markup real articles use
 * (paragraphs, tables, {@code <details>}, images, links with {@code target}/{@code rel},
 * heading ids) survives; scripts, event handlers, frames and {@code javascript:} or
 * {@code data:} URLs do not.
 */
public final class SafeHtml {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("details", "summary", "figure", "figcaption", "hr", "del", "s", "mark", "section", "abbr")
            .addAttributes("a", "target", "rel", "id")
            .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
            .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
            .addAttributes("li", "id").addAttributes("sup", "id")
            .addAttributes("details", "open", "class")
            .addAttributes("code", "class")
            .addAttributes("table", "class")
            .addAttributes("abbr", "title")
            .addProtocols("a", "href", "#")
            .preserveRelativeLinks(true);

    /** Elements a sanitiser removes that matter to an author: they run script or submit data. */
    private static final Set<String> DANGEROUS_TAGS = Set.of("script", "iframe", "object", "embed", "style", "form");
    private static final Evaluator HAS_ID = QueryParser.parse("[id]");
    private static final Pattern SCRIPT_URL = Pattern.compile("(?i)^\\s*(javascript|vbscript|data):");
    /** Relative links are kept as written; this base only lets the sanitiser accept them. */
    private static final String BASE = "http://localhost/";

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private SafeHtml() {
    }

    /** Safe HTML, and what was taken out of it that could run script, for telling the author. */
    public record Cleaned(String html, List<String> removed) {
    }

    /** The safe HTML only. */
    public static String clean(String html) {
        return sanitise(html).html();
    }

    /**
     * The safe HTML, with an anchor id on every heading (headings from raw HTML have none of
     * their own), and the dangerous constructs it had. One parse serves both: the cleaner works
     * on the parsed fragment and returns a clean document.
     */
    public static Cleaned sanitise(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        List<String> removed = dangerous(dirty);
        Document safe = new Cleaner(SAFELIST).clean(dirty);
        safe.outputSettings(OUTPUT);
        Set<String> used = new HashSet<>();
        safe.select(HAS_ID).forEach(element -> used.add(element.id()));
        for (Element heading : safe.select(HeadingIds.HEADINGS)) {
            if (heading.id().isBlank() && !heading.text().isBlank()) {
                heading.id(HeadingIds.idFor(heading, used));
            }
        }
        return new Cleaned(safe.body().html(), removed);
    }

    /** Whether the policy keeps elements of this (lower-case) name. */
    public static boolean allowsTag(String tag) {
        return SAFELIST.isSafeTag(tag);
    }

    /**
     * Whether the policy keeps this attribute, its value as written in HTML (entities are
     * decoded here, as the browser decodes them): names and URL protocols, relative links included.
     */
    public static boolean allowsAttribute(String tag, String key, String value) {
        Element element = new Element(Tag.valueOf(tag), BASE);
        element.attr(key, Parser.unescapeEntities(value, true));
        return SAFELIST.isSafeAttribute(tag, element, element.attribute(key));
    }

    /** Elements whose content goes with them: it is script, style or what a frame or form would have shown. */
    public static boolean dropsContent(String tag) {
        return DANGEROUS_TAGS.contains(tag);
    }

    /** Whether a URL (decoded) runs script or embeds a document when followed: javascript:, vbscript:, data:. */
    public static boolean isScriptUrl(String url) {
        return scriptScheme(url) != null;
    }

    /**
     * Browsers ignore spaces and control characters around and inside a scheme ("java&#9;script:"
     * runs), so they are ignored here too; the longest scheme, "javascript:", is 11 characters.
     */
    private static String scriptScheme(String url) {
        StringBuilder start = new StringBuilder(11);
        for (int i = 0; i < url.length() && start.length() < 11; i++) {
            char c = url.charAt(i);
            if (c > ' ' && c != 0x7f) {
                start.append(c);
            }
        }
        Matcher scheme = SCRIPT_URL.matcher(start);
        return scheme.find() ? scheme.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Script elements, event handlers and script or data URLs, as the browser would have read them. */
    private static List<String> dangerous(Document dirty) {
        Set<String> found = new LinkedHashSet<>();
        for (Element element : dirty.body().getAllElements()) {
            if (DANGEROUS_TAGS.contains(element.normalName())) {
                found.add("<" + element.normalName());
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String scheme = scriptScheme(attribute.getValue());
                if (key.startsWith("on")) {
                    found.add(key + "=");
                } else if ((key.equals("href") || key.equals("src")) && scheme != null) {
                    found.add(key + "=" + scheme + ":");
                }
            }
        }
        return found.stream().limit(10).toList();
    }
}
