package io.contentpipeline.xliff;

import io.contentpipeline.segment.Segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which codes of a segment open and close a span: an emphasis marker ({@code **}, {@code *},
 * {@code __}, {@code _}) with the next same marker, a link's or image's opening bracket with
 * its {@code ](target)} or its reference's {@code ][ref]}, an HTML start tag with its end tag. Pairs are matched on a stack,
 * so the pairs found always nest; a code that closes nothing open, a start tag never closed,
 * or a pair that would cross another stays a lone code.
 */
final class CodePairs {

    /** A start tag, its quoted values free to hold a {@code >} ({@code <a title="1 > 0" href="/x/">}), as {@link InlineCodes} finds it. */
    private static final Pattern START_TAG = Pattern.compile("<([a-zA-Z][\\w-]*)\\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*(?<!/)>");
    private static final Pattern END_TAG = Pattern.compile("</([a-zA-Z][\\w-]*)\\s*>");
    private static final Set<String> VOID_ELEMENTS = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");
    private static final Set<String> EMPHASIS = Set.of("**", "__", "*", "_");
    /** What a link's or an image's bracket opens and its target closes. */
    private static final String LINK = "link";

    private CodePairs() {
    }

    /** Index of each opening code → index of its closing code, in {@code parts}. */
    static Map<Integer, Integer> of(List<InlineCodes.Part> parts) {
        Map<Integer, Integer> pairs = new HashMap<>();
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < parts.size(); i++) {
            InlineCodes.Part part = parts.get(i);
            if (!part.isCode()) {
                continue;
            }
            String opens = opens(part.text());
            String closes = closes(part.text());
            if (EMPHASIS.contains(part.text())) {
                // A marker opens or closes as CommonMark's flanking rules say: "euros* pour" closes
                // nothing it could pair with later, and an asterisk in a URL path is no emphasis at all.
                Flanking flanking = Flanking.of(parts, i);
                opens = flanking.canOpen() ? opens : null;
                closes = flanking.canClose() ? closes : null;
            }
            if (closes != null && !open.isEmpty() && closes.equals(opens(parts.get(open.peek()).text()))) {
                pairs.put(open.pop(), i);
            } else if (opens != null) {
                open.push(i);
            }
        }
        return pairs;
    }

    /** Whether an emphasis marker can open and close a span, from the characters on either side of it. */
    private record Flanking(boolean canOpen, boolean canClose) {

        static Flanking of(List<InlineCodes.Part> parts, int index) {
            char before = index == 0 ? ' ' : last(parts.get(index - 1).text());
            char after = index + 1 == parts.size() ? ' ' : first(parts.get(index + 1).text());
            boolean left = !Character.isWhitespace(after) && (!isPunctuation(after) || Character.isWhitespace(before) || isPunctuation(before));
            boolean right = !Character.isWhitespace(before) && (!isPunctuation(before) || Character.isWhitespace(after) || isPunctuation(after));
            if (parts.get(index).text().startsWith("_")) {
                // Underscores do not emphasise inside a word.
                return new Flanking(left && (!right || isPunctuation(before)), right && (!left || isPunctuation(after)));
            }
            return new Flanking(left, right);
        }

        private static char first(String text) {
            return text.isEmpty() ? ' ' : text.charAt(0);
        }

        private static char last(String text) {
            return text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
        }

        private static boolean isPunctuation(char c) {
            int type = Character.getType(c);
            return c < 128 ? "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0
                    : type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                    || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
        }
    }

    /** Whether a code is an emphasis marker, which is text unless it pairs. */
    static boolean isEmphasis(String code) {
        return EMPHASIS.contains(code);
    }

    /** A target's codes and pairs, made to agree with the source's. */
    record Target(List<InlineCodes.Part> parts, Map<Integer, Integer> pairs) {
    }

    /** A reused translation's codes and pairs, against its source's: what both XLIFF writers put in a target. */
    static Target reused(Segment segment, List<InlineCodes.Part> source, String translation) {
        if (segment.isField()) {
            return new Target(List.of(new InlineCodes.Part(translation, null)), Map.of());
        }
        return target(source, InlineCodes.splitAgainst(translation, source, segment));
    }

    /**
     * Pairs a target's codes only where the same two codes are a pair in the source: XLIFF
     * wants a code of one id to be of one kind on both sides. A code that is half of a pair
     * in the source but not paired in the target (a translation that lost one {@code **})
     * gets an id of its own, so that it is a lone code on both sides.
     */
    static Target target(List<InlineCodes.Part> source, List<InlineCodes.Part> translation) {
        Set<String> sourcePairs = new HashSet<>();
        Set<String> pairedIds = new HashSet<>();
        of(source).forEach((open, close) -> {
            sourcePairs.add(source.get(open).codeId() + "/" + source.get(close).codeId());
            pairedIds.add(source.get(open).codeId());
            pairedIds.add(source.get(close).codeId());
        });
        List<InlineCodes.Part> target = openersFollowTheirClosers(source, translation);
        Map<Integer, Integer> pairs = of(target);
        pairs.entrySet().removeIf(pair -> !sourcePairs.contains(target.get(pair.getKey()).codeId() + "/" + target.get(pair.getValue()).codeId()));
        Set<Integer> paired = new HashSet<>(pairs.keySet());
        paired.addAll(pairs.values());
        int next = 1 + Stream.concat(source.stream(), target.stream()).filter(InlineCodes.Part::isCode)
                .mapToInt(part -> Integer.parseInt(part.codeId())).max().orElse(0);
        List<InlineCodes.Part> parts = new ArrayList<>(target.size());
        for (int i = 0; i < target.size(); i++) {
            InlineCodes.Part part = target.get(i);
            boolean halfPair = part.isCode() && pairedIds.contains(part.codeId()) && !paired.contains(i);
            parts.add(halfPair ? new InlineCodes.Part(part.text(), String.valueOf(next++)) : part);
        }
        return new Target(parts, pairs);
    }

    /**
     * Codes of the same text take their ids in order, so two links a translation swapped
     * would give the first {@code [} the first link's id but the second link's target. Each
     * opening code whose closing code is known takes the id of the source's opening code for
     * that closing code, trading ids with the code of the same text that held it.
     */
    private static List<InlineCodes.Part> openersFollowTheirClosers(List<InlineCodes.Part> source, List<InlineCodes.Part> target) {
        Map<String, String> openerByCloser = new HashMap<>();
        of(source).forEach((open, close) -> openerByCloser.put(source.get(close).codeId(), source.get(open).codeId()));
        List<InlineCodes.Part> parts = new ArrayList<>(target);
        of(parts).forEach((open, close) -> {
            String wanted = openerByCloser.get(parts.get(close).codeId());
            InlineCodes.Part opener = parts.get(open);
            if (wanted == null || wanted.equals(opener.codeId())) {
                return;
            }
            for (int other = 0; other < parts.size(); other++) {
                InlineCodes.Part holder = parts.get(other);
                if (holder.isCode() && holder.codeId().equals(wanted) && holder.text().equals(opener.text())) {
                    parts.set(other, new InlineCodes.Part(holder.text(), opener.codeId()));
                    parts.set(open, new InlineCodes.Part(opener.text(), wanted));
                    return;
                }
            }
        });
        return parts;
    }

    /** The kind of span a code opens ("**", "*", "_", "__", "link" or a tag name), or null. */
    private static String opens(String code) {
        if (EMPHASIS.contains(code)) {
            return code;
        }
        if (code.equals("[") || code.equals("![")) {
            return LINK;
        }
        Matcher tag = START_TAG.matcher(code);
        if (tag.matches()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            return VOID_ELEMENTS.contains(name) ? null : name;
        }
        return null;
    }

    /** The kind of span a code closes, or null. An emphasis marker both opens and closes. */
    private static String closes(String code) {
        if (EMPHASIS.contains(code)) {
            return code;
        }
        if (code.startsWith("](") || code.startsWith("][")) {
            return LINK;
        }
        Matcher tag = END_TAG.matcher(code);
        return tag.matches() ? tag.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
