package io.contentpipeline.xliff;

import io.contentpipeline.segment.Segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a segment a translator must not change, as XLIFF inline codes: inline code,
 * the brackets and targets of links and images, raw HTML tags, Hugo shortcodes, heading ids,
 * entities and Markdown emphasis markers become inline codes whose original text travels in
 * {@code <originalData>} ({@link CodePairs} says which pairs enclose text). What only the
 * parse of the whole body tells apart from text comes with the segment as its protected spans
 * ({@link Segment#protectedSpans}): a reference link's {@code [} and {@code ][ref]}, the whole
 * of {@code [CNCF][]}, a footnote reference, an address Hugo makes a link of. Those are codes
 * first; the pattern finds the others in the text around them.
 */
final class InlineCodes {

    /**
     * Emphasis markers as CommonMark flanks them: {@code *} or {@code _} next to text, never
     * the {@code *} of "5 * 3" or the {@code _} inside snake_case, so what stays text is what a
     * reader sees as text.
     */
    private static final String EMPHASIS = String.join("|",
            "\\*\\*",
            "(?<!\\w)__(?=[^\\s_])|(?<=[^\\s_])__(?!\\w)",
            "(?<!\\\\)\\*(?=\\S)|(?<=[^\\s\\\\])\\*",
            "(?<![\\w\\\\])_(?=[^\\s_])|(?<=[^\\s\\\\_])_(?!\\w)");

    /**
     * A tag read as a browser reads it: a quoted attribute value may hold a {@code >}
     * ({@code <a title="1 > 0" href="/x/">}), which a bare {@code <[^>]+>} took for the tag's
     * end, leaving the rest of the tag, its address included, as text to translate. Quotes
     * count only after an {@code =}, so an apostrophe in an autolink ({@code <https://a.com/it's>})
     * opens nothing; possessive, so that text with a stray {@code <} is given up at once.
     */
    private static final String HTML_TAG = "<[a-zA-Z][^>\"'=]*+(?:=\\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\\s>\"']*+)[^>\"'=]*+)*+>";

    /**
     * The lookahead in front names the first character every alternative consumes (those of
     * emphasis after their lookbehinds): it changes no match, but the search skips a position
     * that starts none with one class test, instead of trying each alternative and its
     * lookbehinds there. Every unit of every XLIFF draft is searched, and this ran five times
     * slower without it on the corpus' paragraphs. An alternative added here must start with
     * one of these characters, or add its own to the class.
     */
    static final Pattern PROTECTED = Pattern.compile("(?=[`!\\[\\]<{&*_])(?:" + String.join("|",
            "`[^`]*`",                          // inline code
            "!?\\[(?=[^\\[\\]]*\\]\\()",          // opening bracket of a link or image (closed by its target)
            // link or image target: a URL with balanced parentheses (Paris_(ville)), then a title
            "\\]\\(\\s*(?:<[^>\\n]*>|(?:[^()\\s]|\\([^()\\s]*\\))*)(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^()]*\\)))?\\s*\\)",
            "\\]\\([^)]*\\)",                    // any other target, up to its first ")"
            HTML_TAG,                           // HTML tag whose attribute values may hold a ">"
            "<[^>]+>",                          // any other tag, autolink
            "\\{\\{[<%].*?[%>]}}",                // Hugo shortcode
            "\\{#[^}]*}",                       // explicit heading id
            "&#?\\w+;",                         // entity
            EMPHASIS) + ")", Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);

    /** A run of text, or a protected code with its placeholder id. */
    record Part(String text, String codeId) {
        boolean isCode() {
            return codeId != null;
        }
    }

    private InlineCodes() {
    }

    /**
     * A front-matter field's unit ("fm.title"): plain text, not Markdown. Its text has no codes
     * and what a translator types in it stays as typed: "_config.yml" and "R&D <beta>" are a
     * title's words, which an escape would show as "&#95;config.yml".
     */
    static boolean isPlainText(String unitId) {
        return unitId.startsWith("fm.");
    }

    /** A segment as text runs and codes: a field is one run of text. */
    static List<Part> split(Segment segment) {
        if (segment.isField()) {
            return List.of(new Part(segment.text(), null));
        }
        List<int[]> spans = segment.protectedSpans().stream().map(span -> new int[] {span.start(), span.end()}).toList();
        return split(segment.text(), spans);
    }

    /**
     * Splits a segment into text runs and codes; code ids are numbered from 1 within the segment.
     * An emphasis marker that pairs with no other ("5 euros* pour", an asterisk in a URL path) is not
     * emphasis in Markdown, and stays text.
     */
    static List<Part> split(String text) {
        return split(text, List.of());
    }

    /** @param spans [start, end) of the runs that are codes whatever the pattern finds, in order */
    private static List<Part> split(String text, List<int[]> spans) {
        List<Part> parts = candidates(text, spans);
        Map<Integer, Integer> pairs = CodePairs.of(parts);
        Set<Integer> paired = new HashSet<>(pairs.keySet());
        paired.addAll(pairs.values());
        List<Part> kept = new ArrayList<>(parts.size());
        StringBuilder pending = new StringBuilder();
        int next = 1;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (!part.isCode() || CodePairs.isEmphasis(part.text()) && !paired.contains(i)) {
                pending.append(part.text());
                continue;
            }
            if (!pending.isEmpty()) {
                kept.add(new Part(pending.toString(), null));
                pending.setLength(0);
            }
            kept.add(new Part(part.text(), String.valueOf(next++)));
        }
        if (!pending.isEmpty()) {
            kept.add(new Part(pending.toString(), null));
        }
        return kept;
    }

    /**
     * Every span as a code (spans that overlap as one), and every run the pattern protects
     * between them, with the text between. The pattern sees the text around a span (an emphasis
     * marker is one by the characters beside it) but finds no run that would reach into one.
     */
    private static List<Part> candidates(String text, List<int[]> spans) {
        List<Part> parts = new ArrayList<>();
        Matcher code = PROTECTED.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int copied = 0;
        int next = 1;
        int span = 0;
        while (copied < text.length()) {
            int spanStart = span < spans.size() ? Math.max(copied, spans.get(span)[0]) : text.length();
            int spanEnd = span < spans.size() ? spans.get(span)[1] : text.length();
            // Spans that overlap the one at hand are one code with it.
            while (span + 1 < spans.size() && spans.get(span + 1)[0] < spanEnd) {
                spanEnd = Math.max(spanEnd, spans.get(++span)[1]);
            }
            code.region(copied, spanStart);
            while (code.find()) {
                if (code.start() > copied) {
                    parts.add(new Part(text.substring(copied, code.start()), null));
                }
                parts.add(new Part(code.group(), String.valueOf(next++)));
                copied = code.end();
            }
            if (spanStart > copied) {
                parts.add(new Part(text.substring(copied, spanStart), null));
            }
            if (spanEnd > spanStart) {
                parts.add(new Part(text.substring(spanStart, spanEnd), String.valueOf(next++)));
            }
            copied = Math.max(spanStart, spanEnd);
            span++;
        }
        return parts;
    }

    /**
     * A translation split the same way, each code numbered as the source's code with the same
     * text, so that a code keeps its identity where the translator moved it; a code the source
     * does not have is numbered after the source's. The translation comes without a parse: the
     * source's spans are found in it by their text ({@link #spansIn}).
     */
    static List<Part> splitAgainst(String translation, List<Part> source, Segment segment) {
        Map<String, Deque<String>> idsByText = new HashMap<>();
        int next = 1;
        for (Part part : source) {
            if (part.isCode()) {
                idsByText.computeIfAbsent(part.text(), text -> new ArrayDeque<>()).add(part.codeId());
                next = Math.max(next, Integer.parseInt(part.codeId()) + 1);
            }
        }
        List<Part> parts = new ArrayList<>();
        for (Part part : split(translation, spansIn(translation, segment))) {
            if (part.isCode()) {
                Deque<String> ids = idsByText.get(part.text());
                parts.add(new Part(part.text(), ids != null && !ids.isEmpty() ? ids.poll() : String.valueOf(next++)));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    /**
     * Where a translation holds the texts of the source's spans: each closing {@code ][ref]},
     * whole reference, footnote reference or address, where it stands as the source wrote it;
     * and for each {@code ][ref]} found, the {@code [} or {@code ![} that opens its text, the
     * last one before it with no bracket between, as the pattern finds an inline link's.
     */
    static List<int[]> spansIn(String translation, Segment segment) {
        String text = segment.text();
        List<String> wanted = segment.protectedSpans().stream().map(span -> text.substring(span.start(), span.end()))
                .filter(piece -> !piece.equals("[") && !piece.equals("![")).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        List<int[]> spans = new ArrayList<>();
        for (String piece : wanted) {
            for (int at = translation.indexOf(piece); at >= 0; at = translation.indexOf(piece, at + piece.length())) {
                int start = at;
                if (spans.stream().noneMatch(other -> other[0] < start + piece.length() && start < other[1])) {
                    spans.add(new int[] {start, start + piece.length()});
                }
            }
        }
        for (int[] closing : List.copyOf(spans)) {
            if (translation.startsWith("][", closing[0])) {
                int open = translation.lastIndexOf('[', closing[0] - 1);
                boolean plain = open >= 0 && translation.substring(open + 1, closing[0]).chars().noneMatch(c -> c == '[' || c == ']');
                int start = open > 0 && translation.charAt(open - 1) == '!' ? open - 1 : open;
                if (plain && spans.stream().noneMatch(other -> other[0] <= open && open < other[1])) {
                    spans.add(new int[] {start, open + 1});
                }
            }
        }
        spans.sort(Comparator.comparingInt(span -> span[0]));
        return spans;
    }
}
