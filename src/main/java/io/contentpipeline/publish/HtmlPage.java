package io.contentpipeline.publish;

import io.contentpipeline.article.Heading;
import org.jsoup.nodes.Entities;

import java.util.List;
import java.util.Map;

/**
 * A standalone HTML5 page for one language of a bundle. Every value from front matter is
 * escaped; the article body arrives already sanitised.
 */
final class HtmlPage {

    private HtmlPage() {
    }

    /**
     * @param alternates language → URL for every published language, in order
     * @param defaultUrl the x-default URL (the source language's)
     */
    static String render(LanguageVersion page, String url, Map<String, String> alternates, String defaultUrl,
                         String safeBodyHtml) {
        StringBuilder html = new StringBuilder(safeBodyHtml.length() + 2048);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(attr(page.language())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(text(page.title())).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(attr(page.derived().description())).append("\">\n");
        page.frontMatter().text("robots").ifPresent(robots ->
                html.append("<meta name=\"robots\" content=\"").append(attr(robots)).append("\">\n"));
        page.frontMatter().text("author").ifPresent(author ->
                html.append("<meta name=\"author\" content=\"").append(attr(author)).append("\">\n"));
        html.append("<link rel=\"canonical\" href=\"").append(attr(url)).append("\">\n");
        alternates.forEach((language, href) -> html.append("<link rel=\"alternate\" hreflang=\"").append(attr(language))
                .append("\" href=\"").append(attr(href)).append("\">\n"));
        html.append("<link rel=\"alternate\" hreflang=\"x-default\" href=\"").append(attr(defaultUrl)).append("\">\n")
                .append("</head>\n<body>\n<article>\n<header>\n<h1>").append(text(page.title())).append("</h1>\n")
                .append("<p class=\"meta\">");
        page.frontMatter().text("author").ifPresent(author -> html.append(text(author)).append(" · "));
        page.frontMatter().text("date").ifPresent(date -> html.append("<time>").append(text(date)).append("</time> · "));
        html.append(page.derived().readingTimeMinutes()).append(" min</p>\n</header>\n");
        appendOutline(html, page.derived().outline());
        html.append("<div class=\"content\">\n").append(safeBodyHtml).append("\n</div>\n</article>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void appendOutline(StringBuilder html, List<Heading> outline) {
        if (outline.isEmpty()) {
            return;
        }
        html.append("<nav class=\"toc\">\n<ul>\n");
        for (Heading heading : outline) {
            html.append("<li class=\"toc-h").append(heading.level()).append("\"><a href=\"#").append(attr(heading.id()))
                    .append("\">").append(text(heading.text())).append("</a></li>\n");
        }
        html.append("</ul>\n</nav>\n");
    }

    private static String text(String value) {
        return Entities.escape(value == null ? "" : value);
    }

    private static String attr(String value) {
        return Entities.escape(value == null ? "" : value).replace("\"", "&quot;");
    }
}
