package io.contentpipeline.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

    public String clean(String html, String baseUrl) {
        return Jsoup.clean(html, baseUrl, SAFELIST, OUTPUT);
    }
}
