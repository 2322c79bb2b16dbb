package io.contentpipeline.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.safety.Safelist;

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

    /** What a sanitiser removes that matters to an author: script, frames, event handlers, script or data URLs. */
    private static final Pattern DANGEROUS = Pattern.compile(
            "(?i)<(?:script|iframe|object|embed|style|form)\\b"
            // Browsers also take "/" or a closing quote between attributes: <svg/onload=…>.
            + "|[\\s/\"'](?:on[a-z]+\\s*=|(?:href|src)\\s*=\\s*[\"']?\\s*(?:javascript|vbscript|data):)");
    /** Relative links are kept as written; this base only lets the sanitiser accept them. */
    private static final String BASE = "http://localhost/";

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private SafeHtml() {
    }

    /** The dangerous constructs in HTML before cleaning, for telling the author what was removed. */
    public static List<String> dangerous(String html) {
        List<String> found = new ArrayList<>();
        Matcher match = DANGEROUS.matcher(html);
        while (match.find() && found.size() < 10) {
            String construct = match.group().replaceFirst("^[\\s/\"']+", "").toLowerCase();
            if (!found.contains(construct)) {
                found.add(construct);
            }
        }
        return found;
    }

    /** The safe HTML, with an anchor id on every heading (headings from raw HTML have none of their own). */
    public static String clean(String html) {
        // One parse: the cleaner works on the parsed fragment and returns a clean document.
        Document safe = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html, BASE));
        safe.outputSettings(OUTPUT);
        Set<String> used = new HashSet<>();
        safe.select("[id]").forEach(element -> used.add(element.id()));
        for (Element heading : safe.select(HeadingIds.HEADINGS)) {
            if (heading.id().isBlank() && !heading.text().isBlank()) {
                heading.id(HeadingIds.idFor(heading, used));
            }
        }
        return safe.body().html();
    }
}
