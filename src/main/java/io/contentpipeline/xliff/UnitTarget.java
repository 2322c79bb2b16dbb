package io.contentpipeline.xliff;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

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
 * pairs them; annotation markers keep their text.
 */
final class UnitTarget {

    private static final String XLIFF = XliffWriter.XLIFF;

    private final Map<String, String> data;
    /** Source code id → the data refs it stands for: one for ph, sc and ec; start and end for pc. */
    private final Map<String, String[]> sourceCodes = new HashMap<>();

    private UnitTarget(Element unit) {
        this.data = new HashMap<>();
        NodeList items = unit.getElementsByTagNameNS(XLIFF, "data");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            data.put(item.getAttribute("id"), item.getTextContent());
        }
        for (Element part : parts(unit)) {
            Element source = child(part, "source");
            if (source != null) {
                collectCodes(source);
            }
        }
    }

    /** The unit's translation, or empty when a segment has no target or only an empty one. */
    static Optional<String> of(Element unit) {
        return new UnitTarget(unit).text(unit);
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
            if (segment && (targetText == null || (targetText.isBlank() && !sourceText.isBlank()))) {
                return Optional.empty();
            }
            int order = target != null && !target.getAttribute("order").isEmpty()
                    ? Integer.parseInt(target.getAttribute("order").strip()) : i + 1;
            pieces.add(new Piece(order, targetText != null ? targetText : sourceText));
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
                switch (code.getLocalName()) {
                    case "ph", "sc", "ec" -> sourceCodes.put(codeId(code), new String[] {code.getAttribute("dataRef")});
                    case "pc" -> sourceCodes.put(codeId(code),
                            new String[] {code.getAttribute("dataRefStart"), code.getAttribute("dataRefEnd")});
                    default -> { }
                }
                collectCodes(code);
            }
        }
    }

    /** Text with every code replaced by its original data; a code with none is left out. */
    private String content(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child instanceof Element code) {
                switch (code.getLocalName()) {
                    case "ph", "sc", "ec" -> text.append(original(code, "dataRef", 0));
                    case "pc" -> text.append(original(code, "dataRefStart", 0)).append(content(code))
                            .append(original(code, "dataRefEnd", 1));
                    case "mrk" -> text.append(content(code));
                    case "cp" -> text.appendCodePoint(Integer.parseInt(code.getAttribute("hex"), 16));
                    default -> { }
                }
            }
        }
        return text.toString();
    }

    private String original(Element code, String attribute, int index) {
        String ref = code.getAttribute(attribute);
        if (ref.isEmpty()) {
            String[] refs = sourceCodes.get(codeId(code));
            ref = refs != null && refs.length > index ? refs[index] : "";
        }
        return data.getOrDefault(ref, "");
    }

    /** An {@code <ec>} closing an {@code <sc>} of the same segment names it by startRef instead of id. */
    private static String codeId(Element code) {
        return code.hasAttribute("id") ? code.getAttribute("id") : code.getAttribute("startRef");
    }
}
