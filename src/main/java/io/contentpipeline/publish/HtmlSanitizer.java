package io.contentpipeline.publish;

import org.jsoup.Jsoup;
import io.contentpipeline.markdown.HeadingIds;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.safety.Safelist;

/**
 * Allow-list sanitising of rendered article HTML with jsoup: the markup real articles use
 * (paragraphs, tables, {@code <details>}, images, links with {@code target}/{@code rel},
 * heading ids) survives; scripts, event handlers, frames and {@code javascript:} or
 * {@code data:} URLs do not.
 */
public final class HtmlSanitizer {

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

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    /** The safe HTML, with an anchor id on every heading (headings from raw HTML have none of their own). */
    public String clean(String html, String baseUrl) {
        Document safe = Jsoup.parseBodyFragment(Jsoup.clean(html, baseUrl, SAFELIST, OUTPUT), baseUrl);
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
