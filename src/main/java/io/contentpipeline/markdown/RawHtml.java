package io.contentpipeline.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * The edits that make one piece of raw HTML in Markdown safe under {@link SafeHtml}'s policy,
 * tag by tag, leaving everything else as written: a tag the policy refuses goes (with its
 * content, for script, style, frames and forms, when its end tag is in the same piece), an
 * attribute the policy refuses goes from a tag it keeps, and a tag or comment the piece leaves
 * open goes to the end of the piece, because the browser would read the rest of the page into it.
 */
final class RawHtml {

    /** The edits, and the dangerous element left open at the end of the piece (null if none). */
    record Cleaning(List<TextEdit> edits, String unclosed) {
    }

    private final SourceText source;
    private final String html;
    private final List<TextEdit> edits = new ArrayList<>();
    private String unclosed;

    private RawHtml(SourceText source) {
        this.source = source;
        this.html = source.text();
    }

    static Cleaning clean(SourceText source) {
        RawHtml raw = new RawHtml(source);
        raw.scan();
        return new Cleaning(raw.edits, raw.unclosed);
    }

    private void scan() {
        int position = 0;
        for (HtmlTokens.Token token = HtmlTokens.next(html, 0); token != null; token = HtmlTokens.next(html, position)) {
            position = token.end();
            if (!token.complete()) {
                edits.add(source.edit(token.start(), beforeLineEnd(token.start()), ""));
            } else if (token.kind() != HtmlTokens.Kind.OTHER && !SafeHtml.allowsTag(token.name())) {
                position = removeElement(token);
            } else if (token.kind() == HtmlTokens.Kind.START_TAG) {
                removeAttributes(token);
            }
        }
    }

    /** The end of the piece, short of its last line ending: lines stay lines, and blocks stay apart. */
    private int beforeLineEnd(int from) {
        int end = html.length();
        while (end > from && (html.charAt(end - 1) == '\n' || html.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** Removes a refused tag, and the content up to its end tag for an element that drops its content. @return where scanning goes on */
    private int removeElement(HtmlTokens.Token token) {
        int end = token.end();
        if (token.kind() == HtmlTokens.Kind.START_TAG && SafeHtml.dropsContent(token.name())) {
            HtmlTokens.Token close = endTag(token.name(), token.end());
            if (close == null) {
                unclosed = token.name();
            } else {
                end = close.end();
            }
        }
        edits.add(source.edit(token.start(), end, ""));
        return end;
    }

    /**
     * The first end tag of that name, looked for as text: script and style content is not
     * markup to the browser, which ends it at the first such end tag, wherever that is.
     */
    private HtmlTokens.Token endTag(String name, int from) {
        for (int at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
            if (html.regionMatches(true, at + 2, name, 0, name.length())) {
                HtmlTokens.Token token = HtmlTokens.next(html, at);
                if (token != null && token.start() == at && token.name().equals(name)) {
                    return token.complete() ? token : null;
                }
            }
        }
        return null;
    }

    private void removeAttributes(HtmlTokens.Token token) {
        List<HtmlTokens.Attribute> attributes = token.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            HtmlTokens.Attribute attribute = attributes.get(i);
            if (!SafeHtml.allowsAttribute(token.name(), attribute.name(), attribute.value())) {
                // The next attribute may follow a quoted value with no space: keep one, or the two would run together.
                boolean joined = i + 1 < attributes.size() && attributes.get(i + 1).separatorStart() == attributes.get(i + 1).start();
                edits.add(source.edit(attribute.separatorStart(), attribute.end(), joined ? " " : ""));
            }
        }
    }
}
