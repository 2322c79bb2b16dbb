package io.contentpipeline.xliff;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The translated text of one XLIFF 2 {@code <unit>}, as translation tools leave it. We write
 * one segment per unit, but a tool may split it into sentences (the spec lets it unless
 * {@code canResegment="no"}), so the text is every part's target in order, the white space
 * between sentences taken from {@code <ignorable>}. Codes get their original data through
 * their own {@code dataRef}, or else through the source code of the same id, as the spec
 * pairs them, from the unit's {@code <originalData>} only; annotation markers keep their text.
 */
final class UnitTarget {

    private static final String XLIFF = XliffWriter.XLIFF;

    private final Map<String, String> data;
    /**
     * Source code id → its data refs: [0] the start (ph, sc, pc's start), [1] the end (ec,
     * pc's end). An ec names the sc it closes by startRef, so both land in one entry.
     */
    private final Map<String, String[]> sourceCodes = new HashMap<>();
    /** A field's unit: its text is taken as typed. */
    private final boolean plain;

    private UnitTarget(Element unit) {
        this.plain = InlineCodes.isPlainText(unit.getAttribute("id"));
        this.data = originalData(unit);
        for (Element part : parts(unit)) {
            Element source = child(part, "source");
            if (source != null) {
                collectCodes(source);
            }
        }
    }

    /**
     * The unit's original data by id: the {@code <data>} children of its own
     * {@code <originalData>}, where XLIFF 2 puts them, and nowhere else. Every {@code <data>} of
     * the unit used to count, the last of an id winning: one a tool or a translator left in a
     * target or a note replaced the address of a link the draft gave, and one moved out of
     * {@code <originalData>} still served, in a file other tools would refuse.
     */
    private static Map<String, String> originalData(Element unit) {
        Map<String, String> data = new HashMap<>();
        Element original = child(unit, "originalData");
        for (Node item = original == null ? null : original.getFirstChild(); item != null; item = item.getNextSibling()) {
            if (item instanceof Element element && XLIFF.equals(element.getNamespaceURI()) && "data".equals(element.getLocalName())) {
                data.put(element.getAttribute("id"), element.getTextContent());
            }
        }
        return data;
    }

    /**
     * A unit read: its translation, or empty when a segment with text has no target or only an
     * empty one (a segment that is only codes, an image or a shortcode, needs no translation:
     * its source stands in when a tool left it without target); and whether a segment's target
     * only repeats its source in a state that says nobody translated it.
     */
    record Read(Optional<String> text, boolean sourceCopy) {
    }

    /**
     * Takes out of a target the layout an XML editor's "format document", or a translator
     * filling targets by hand, gives it: white space holding a line break at its very start or
     * end ({@code <target>\n      Text\n    </target>}). No block of a page starts or ends
     * with a line break, so it is indentation, not text; kept, it made every paragraph an
     * indented code block in the merged Markdown, and the return was rejected with every
     * paragraph reported missing. Spaces without a line break are left as the tool wrote them.
     */
    static void dropLayout(Element target) {
        Node first = target.getFirstChild();
        if (isText(first)) {
            String text = first.getNodeValue();
            int start = 0;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            if (hasLineBreak(text, 0, start)) {
                first.setNodeValue(text.substring(start));
            }
        }
        Node last = target.getLastChild();
        if (isText(last)) {
            String text = last.getNodeValue();
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (hasLineBreak(text, end, text.length())) {
                last.setNodeValue(text.substring(0, end));
            }
        }
    }

    private static boolean hasLineBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(Node node) {
        return node != null && (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE);
    }

    /** @throws IllegalArgumentException when an attribute that must be a number is not */
    static Read read(Element unit) {
        for (Element part : parts(unit)) {
            Element target = child(part, "target");
            if (target != null) {
                dropLayout(target);
            }
        }
        UnitTarget reading = new UnitTarget(unit);
        Optional<String> text = reading.text(unit);
        return new Read(text, text.isPresent() && reading.copiesSource(unit));
    }

    /**
     * Whether a segment of the unit with text is still in state "initial" with a target that
     * only repeats its source: what a tool's "copy source to target" leaves before anyone
     * translates. Published, it would put the source language on the translated page.
     */
    private boolean copiesSource(Element unit) {
        for (Element part : parts(unit)) {
            Element source = child(part, "source");
            Element target = child(part, "target");
            // The standard's default state is "initial": a tool may leave the attribute out.
            String state = part.getAttribute("state");
            if ("segment".equals(part.getLocalName()) && (state.isEmpty() || "initial".equals(state))
                    && target != null && hasText(source) && TypedText.sameText(content(source), content(target))) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> text(Element unit) {
        record Piece(int order, String text) {
        }
        List<Piece> pieces = new ArrayList<>();
        List<Element> parts = parts(unit);
        for (int i = 0; i < parts.size(); i++) {
            Element part = parts.get(i);
            Element source = child(part, "source");
            Element target = child(part, "target");
            boolean segment = "segment".equals(part.getLocalName());
            String sourceText = source == null ? "" : content(source);
            String targetText = target == null ? null : content(target);
            boolean untranslated = targetText == null || (targetText.isBlank() && !sourceText.isBlank());
            if (segment && untranslated && hasText(source)) {
                return Optional.empty();
            }
            int order = target != null && !target.getAttribute("order").isEmpty()
                    ? number(target.getAttribute("order"), 10, "order") : i + 1;
            pieces.add(new Piece(order, untranslated ? sourceText : targetText));
        }
        if (pieces.isEmpty()) {
            return Optional.empty();
        }
        pieces.sort(Comparator.comparingInt(Piece::order));
        StringBuilder text = new StringBuilder();
        pieces.forEach(piece -> text.append(piece.text()));
        return Optional.of(text.toString());
    }

    /** The unit's segments and ignorables, in document order. */
    private static List<Element> parts(Element unit) {
        List<Element> parts = new ArrayList<>();
        for (Node child = unit.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element part && XLIFF.equals(part.getNamespaceURI())
                    && ("segment".equals(part.getLocalName()) || "ignorable".equals(part.getLocalName()))) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static Element child(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && XLIFF.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private void collectCodes(Element content) {
        for (Node child = content.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element code) {
                String[] refs = sourceCodes.computeIfAbsent(codeId(code), id -> new String[] {"", ""});
                switch (code.getLocalName()) {
                    case "ph", "sc" -> refs[0] = code.getAttribute("dataRef");
                    case "ec" -> refs[1] = code.getAttribute("dataRef");
                    case "pc" -> {
                        refs[0] = code.getAttribute("dataRefStart");
                        refs[1] = code.getAttribute("dataRefEnd");
                    }
                    default -> { }
                }
                collectCodes(code);
            }
        }
    }

    /** Whether a source holds any text outside its codes, annotations included. */
    private static boolean hasText(Element element) {
        if (element == null) {
            return false;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !child.getNodeValue().isBlank()) {
                return true;
            }
            if (child instanceof Element inner && ("pc".equals(inner.getLocalName()) || "mrk".equals(inner.getLocalName()))
                    && hasText(inner)) {
                return true;
            }
        }
        return false;
    }

    /** Whether what comes next begins a line: at the start of the text when its element's does, or after a line break. */
    static boolean atLineStart(CharSequence text, boolean elementAtLineStart) {
        return text.isEmpty() ? elementAtLineStart : text.charAt(text.length() - 1) == '\n';
    }

    private static int number(String value, int radix, String attribute) {
        try {
            return Integer.parseInt(value.strip(), radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + attribute + " attribute '" + value + "' is not a number");
        }
    }

    /** Text with every code replaced by its original data; a code with none is left out. */
    private String content(Element element) {
        return content(element, true);
    }

    /** @param atLineStart whether the element's text begins a line (TypedText escapes block markers there only) */
    private String content(Element element, boolean atLineStart) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(plain ? child.getNodeValue() : TypedText.literal(child.getNodeValue(), atLineStart(text, atLineStart)));
            } else if (child instanceof Element code) {
                switch (code.getLocalName()) {
                    case "ph", "sc" -> text.append(original(code, "dataRef", 0));
                    case "ec" -> text.append(original(code, "dataRef", 1));
                    case "pc" -> {
                        text.append(original(code, "dataRefStart", 0));
                        text.append(content(code, atLineStart(text, atLineStart))).append(original(code, "dataRefEnd", 1));
                    }
                    case "mrk" -> text.append(content(code, atLineStart(text, atLineStart)));
                    case "cp" -> text.appendCodePoint(codePoint(code.getAttribute("hex")));
                    default -> { }
                }
            }
        }
        return text.toString();
    }

    private static int codePoint(String hex) {
        int codePoint = number(hex, 16, "hex");
        if (!Character.isValidCodePoint(codePoint)) {
            throw new IllegalArgumentException("<cp hex=\"" + hex + "\"> is not a Unicode code point");
        }
        return codePoint;
    }

    /**
     * The original data a code names, through its own reference or its source code's. A code
     * that names none (one a tool added, with no data) stands for nothing and is left out; one
     * that names data its unit's originalData lacks is refused: its text (a link's address, a
     * tag) cannot be known, and leaving it out would publish the page without it.
     *
     * @param end 0 for a code's start data, 1 for its end data
     * @throws IllegalArgumentException when the data named is not in the unit's originalData
     */
    private String original(Element code, String attribute, int end) {
        String ref = code.getAttribute(attribute);
        if (ref.isEmpty()) {
            String[] refs = sourceCodes.get(codeId(code));
            ref = refs != null ? refs[end] : "";
        }
        if (!ref.isEmpty() && !data.containsKey(ref)) {
            throw new IllegalArgumentException("the code <" + code.getLocalName() + " " + (code.hasAttribute("id") ? "id" : "startRef")
                    + "=\"" + codeId(code) + "\"> names original data '" + ref + "', which is not in the unit's <originalData>:"
                    + " restore the unit's codes and original data as the draft has them");
        }
        return data.getOrDefault(ref, "");
    }

    /** An {@code <ec>} closing an {@code <sc>} of the same segment names it by startRef instead of id. */
    private static String codeId(Element code) {
        return code.hasAttribute("id") ? code.getAttribute("id") : code.getAttribute("startRef");
    }
}
