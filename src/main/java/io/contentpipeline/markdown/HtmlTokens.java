package io.contentpipeline.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds tags in raw HTML the way a browser's tokenizer does (HTML Living Standard, data state),
 * not the way CommonMark does: what matters is where the browser that shows the page ends a
 * tag, a quoted value or a comment. {@code <img/src=x/onerror=...>} is a tag with two
 * attributes here, as it is to a browser, though CommonMark would call it text.
 */
final class HtmlTokens {

    enum Kind { START_TAG, END_TAG, OTHER }

    /**
     * One token at [start, end). OTHER is a comment, doctype, processing instruction or
     * {@code </>}: inert. An incomplete token runs to the end of the text: the browser would
     * carry it on into whatever the page has next.
     */
    record Token(Kind kind, int start, int end, String name, List<Attribute> attributes, boolean complete) {
    }

    /** An attribute at [start, end), after the separator that begins at separatorStart; its value as written. */
    record Attribute(int separatorStart, int start, int end, String name, String value) {
    }

    private HtmlTokens() {
    }

    /** The first token at or after {@code from}, or null when the rest is text. */
    static Token next(String html, int from) {
        for (int at = html.indexOf('<', from); at >= 0; at = html.indexOf('<', at + 1)) {
            Token token = at(html, at);
            if (token != null) {
                return token;
            }
        }
        return null;
    }

    private static Token at(String html, int at) {
        if (at + 1 >= html.length()) {
            return null;
        }
        char next = html.charAt(at + 1);
        if (next == '!') {
            return html.startsWith("<!--", at) ? comment(html, at) : bogusComment(html, at);
        }
        if (next == '?') {
            return bogusComment(html, at);
        }
        if (next == '/') {
            return endTag(html, at);
        }
        return isLetter(next) ? tag(html, at, at + 1, Kind.START_TAG) : null;
    }

    private static Token endTag(String html, int at) {
        if (at + 2 >= html.length()) {
            return null;
        }
        char first = html.charAt(at + 2);
        if (first == '>') {
            return new Token(Kind.OTHER, at, at + 3, "", List.of(), true);
        }
        return isLetter(first) ? tag(html, at, at + 2, Kind.END_TAG) : bogusComment(html, at);
    }

    /** {@code <!-->} and {@code <!--->} are whole comments; otherwise the first --> or --!> ends one. */
    private static Token comment(String html, int at) {
        if (html.startsWith(">", at + 4) || html.startsWith("->", at + 4)) {
            return other(at, html.indexOf('>', at + 4) + 1, html);
        }
        int close = html.indexOf("-->", at + 4);
        int bang = html.indexOf("--!>", at + 4);
        if (close < 0 || (bang >= 0 && bang < close)) {
            return other(at, bang < 0 ? 0 : bang + 4, html);
        }
        return other(at, close + 3, html);
    }

    private static Token bogusComment(String html, int at) {
        return other(at, html.indexOf('>', at + 1) + 1, html);
    }

    /** @param end the end, or 0 when nothing closes the token */
    private static Token other(int at, int end, String html) {
        return end > 0 ? new Token(Kind.OTHER, at, end, "", List.of(), true) : incomplete(Kind.OTHER, at, "", List.of(), html);
    }

    private static Token tag(String html, int at, int nameStart, Kind kind) {
        int position = nameStart;
        while (position < html.length() && !endsName(html.charAt(position))) {
            position++;
        }
        String name = html.substring(nameStart, position).toLowerCase(Locale.ROOT);
        List<Attribute> attributes = new ArrayList<>();
        while (true) {
            int separator = position;
            while (position < html.length() && (isSpace(html.charAt(position)) || html.charAt(position) == '/')) {
                position++;
            }
            if (position >= html.length()) {
                return incomplete(kind, at, name, attributes, html);
            }
            if (html.charAt(position) == '>') {
                return new Token(kind, at, position + 1, name, attributes, true);
            }
            Attribute attribute = attribute(html, separator, position);
            if (attribute == null) {
                return incomplete(kind, at, name, attributes, html);
            }
            attributes.add(attribute);
            position = attribute.end();
        }
    }

    /** An attribute from its first character (which may be '='), or null when the text ends inside it. */
    private static Attribute attribute(String html, int separator, int start) {
        int position = start + 1;
        while (position < html.length() && !endsName(html.charAt(position)) && html.charAt(position) != '=') {
            position++;
        }
        String name = html.substring(start, position).toLowerCase(Locale.ROOT);
        int equals = skipSpaces(html, position);
        if (equals >= html.length() || html.charAt(equals) != '=') {
            return new Attribute(separator, start, position, name, "");
        }
        int value = skipSpaces(html, equals + 1);
        if (value >= html.length()) {
            return null;
        }
        char quote = html.charAt(value);
        if (quote == '"' || quote == '\'') {
            int close = html.indexOf(quote, value + 1);
            return close < 0 ? null : new Attribute(separator, start, close + 1, name, html.substring(value + 1, close));
        }
        int end = value;
        while (end < html.length() && !isSpace(html.charAt(end)) && html.charAt(end) != '>') {
            end++;
        }
        return new Attribute(separator, start, end, name, html.substring(value, end));
    }

    private static Token incomplete(Kind kind, int at, String name, List<Attribute> attributes, String html) {
        return new Token(kind, at, html.length(), name, attributes, false);
    }

    private static int skipSpaces(String html, int position) {
        while (position < html.length() && isSpace(html.charAt(position))) {
            position++;
        }
        return position;
    }

    private static boolean endsName(char c) {
        return isSpace(c) || c == '/' || c == '>';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
