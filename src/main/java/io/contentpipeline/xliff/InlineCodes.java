package io.contentpipeline.xliff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a segment a translator must not change, as XLIFF inline codes: inline code,
 * link and image targets, raw HTML tags, Hugo shortcodes, heading ids, entities and
 * Markdown emphasis markers become inline codes whose original text travels in
 * {@code <originalData>} ({@link CodePairs} says which pairs enclose text).
 */
final class InlineCodes {

    static final Pattern PROTECTED = Pattern.compile(
            "`[^`]*`|\\]\\([^)]*\\)|<[^>]+>|\\{\\{[<%].*?[%>]}}|\\{#[^}]*}|&#?\\w+;|\\*\\*", Pattern.DOTALL);

    /** Text that would read as an HTML tag or an entity in Markdown: in a target's text it is not one. */
    private static final Pattern TAG_OR_ENTITY = Pattern.compile("<(?=[A-Za-z/!?])|&(?=#?\\w+;)");

    /**
     * A target's text as Markdown: tags and entities only ever come from codes, so a {@code <}
     * or {@code &} the translator typed ("governance & <leadership>") is escaped, not read
     * as markup that the sanitiser would then remove.
     */
    static String literal(String text) {
        return TAG_OR_ENTITY.matcher(text).replaceAll(match -> match.group().equals("<") ? "&lt;" : "&amp;");
    }

    /** A run of text, or a protected code with its placeholder id. */
    record Part(String text, String codeId) {
        boolean isCode() {
            return codeId != null;
        }
    }

    private InlineCodes() {
    }

    /** Splits a segment into text runs and codes; code ids are numbered from 1 within the segment. */
    static List<Part> split(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher code = PROTECTED.matcher(text);
        int copied = 0;
        int next = 1;
        while (code.find()) {
            if (code.start() > copied) {
                parts.add(new Part(text.substring(copied, code.start()), null));
            }
            parts.add(new Part(code.group(), String.valueOf(next++)));
            copied = code.end();
        }
        if (copied < text.length()) {
            parts.add(new Part(text.substring(copied), null));
        }
        return parts;
    }

    /**
     * A translation split the same way, each code numbered as the source's code with the same
     * text, so that a code keeps its identity where the translator moved it; a code the source
     * does not have is numbered after the source's.
     */
    static List<Part> splitAgainst(String translation, List<Part> source) {
        Map<String, Deque<String>> idsByText = new HashMap<>();
        int next = 1;
        for (Part part : source) {
            if (part.isCode()) {
                idsByText.computeIfAbsent(part.text(), text -> new ArrayDeque<>()).add(part.codeId());
                next = Math.max(next, Integer.parseInt(part.codeId()) + 1);
            }
        }
        List<Part> parts = new ArrayList<>();
        for (Part part : split(translation)) {
            if (part.isCode()) {
                Deque<String> ids = idsByText.get(part.text());
                parts.add(new Part(part.text(), ids != null && !ids.isEmpty() ? ids.poll() : String.valueOf(next++)));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }
}
