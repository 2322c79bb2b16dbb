package io.contentpipeline.xliff;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.article.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a filled XLIFF 2.1 or 1.2 file back: the metadata that names the source version,
 * and for every unit its target text with the placeholders replaced by their original data
 * ({@link UnitTarget} for XLIFF 2), or that it was left untranslated.
 * DOCTYPEs and external entities are refused (no XXE).
 */
public final class XliffReader {

    /** An encoding="…" in an XML declaration. */
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /**
     * What a returned XLIFF file says: its metadata, unit id → target text for the units
     * translated, the ids of the units left without a translation (no target, or an empty
     * one), the ids of those whose target only repeats the source in a state that says nobody
     * translated it, and unit id → the line in the file where the unit starts.
     */
    public record Filled(Map<String, String> metadata, Map<String, String> targets, List<String> untranslated,
                         List<String> sourceCopies, Map<String, Integer> unitLines) {
    }

    /** XLIFF 1.2 target states that say nobody has translated the segment yet. */
    private static final List<String> UNTRANSLATED_12 = List.of("new", "needs-translation");

    /** The XLIFF 1.2 elements that hold a code's original text. */
    private static final List<String> CODES_12 = List.of("ph", "bpt", "ept", "it");

    public Filled read(byte[] xliff) {
        Document document = parse(xliff);
        Element root = document.getDocumentElement();
        requireOneFile(root);
        if ("xliff".equals(root.getLocalName()) && Xliff12Writer.XLIFF.equals(root.getNamespaceURI())) {
            return read12(document, xliff);
        }
        if (!"xliff".equals(root.getLocalName()) || !XliffWriter.XLIFF.equals(root.getNamespaceURI())) {
            throw reject("the file is not an XLIFF 2 or 1.2 document (root element <xliff> in " + XliffWriter.XLIFF
                    + " or " + Xliff12Writer.XLIFF + ")");
        }
        if (!root.getAttribute("version").matches("2\\.[01]")) {
            throw reject("XLIFF version '" + root.getAttribute("version") + "' is not one this pipeline reads (2.0, 2.1 or 1.2)");
        }
        Map<String, String> targets = new LinkedHashMap<>();
        List<String> untranslated = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        Map<String, Integer> lines = UnitLines.of(xliff);
        NodeList units = document.getElementsByTagNameNS(XliffWriter.XLIFF, "unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            String id = unit.getAttribute("id");
            UnitTarget.Read read;
            try {
                read = UnitTarget.read(unit);
            } catch (IllegalArgumentException e) {
                // Named by the unit and its line, as a 1.2 unit's crossed codes are: the translator finds it.
                throw new RejectedInputException(Problem.error("xliff-invalid", id, "unit '" + id + "': " + e.getMessage(), lines.get(id)));
            }
            if (read.sourceCopy()) {
                copies.add(id);
            } else {
                read.text().ifPresentOrElse(text -> targets.put(id, text), () -> untranslated.add(id));
            }
        }
        return new Filled(metadata(document.getElementsByTagNameNS(XliffWriter.METADATA, "meta"), "type"), targets, untranslated,
                copies, lines);
    }

    /**
     * The metadata entries alone, read as a stream: the same entries as {@link #read}'s
     * ({@code <mda:meta type="…">} in XLIFF 2, {@code <prop prop-type="…">} in 1.2, wherever they
     * are, the last of a type kept, stripped), holding one at a time. What a return waiting for
     * its source names is looked up in the poll, outside the workers' memory budget, and the
     * tree of a 30 MB filled file took about 300 MB of heap there. Empty for a file that is no
     * XLIFF or not well-formed: the intake reads it whole, and says what is wrong with it.
     */
    public static Map<String, String> metadata(InputStream xliff) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(xliff);
            try {
                return metadata(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return Map.of();
        }
    }

    private static Map<String, String> metadata(XMLStreamReader reader) throws XMLStreamException {
        reader.nextTag();
        String entry;
        String typeAttribute;
        if ("xliff".equals(reader.getLocalName()) && XliffWriter.XLIFF.equals(reader.getNamespaceURI())) {
            entry = XliffWriter.METADATA + " meta";
            typeAttribute = "type";
        } else if ("xliff".equals(reader.getLocalName()) && Xliff12Writer.XLIFF.equals(reader.getNamespaceURI())) {
            entry = Xliff12Writer.XLIFF + " prop";
            typeAttribute = "prop-type";
        } else {
            return Map.of();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && entry.equals(reader.getNamespaceURI() + " " + reader.getLocalName())) {
                String type = reader.getAttributeValue(null, typeAttribute);
                metadata.put(type == null ? "" : type, textContent(reader).strip());
            }
        }
        return metadata;
    }

    /** The text of the element the reader is at, its children's included (as the DOM's getTextContent), leaving the reader at its end. */
    private static String textContent(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(reader.getText());
                default -> {
                }
            }
        }
        return text.toString();
    }

    /**
     * A draft is one {@code <file>}, one article; a tool that exports a whole project as one
     * document puts several in it. Read as one return, the metadata of the last named the
     * article and the units of the others were dropped without a word, their translations lost.
     */
    private static void requireOneFile(Element root) {
        NodeList files = root.getElementsByTagNameNS(root.getNamespaceURI(), "file");
        if (files.getLength() > 1) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < files.getLength(); i++) {
                Element file = (Element) files.item(i);
                names.add(file.hasAttribute("original") ? file.getAttribute("original") : file.getAttribute("id"));
            }
            throw reject("the XLIFF file holds " + files.getLength() + " articles (<file> " + String.join(", ", names)
                    + "), and a return translates one: drop each article's XLIFF file on its own, as its draft came");
        }
    }

    /**
     * XLIFF 1.2: metadata from the header's properties, targets from the trans-units. A
     * {@code <ph>}, {@code <bpt>}, {@code <ept>} or {@code <it>} stands for the source's code of
     * the same element and id, whatever a tool left inside it, so that a code cannot be
     * altered on the way.
     */
    private static Filled read12(Document document, byte[] xliff) {
        Map<String, String> targets = new LinkedHashMap<>();
        List<String> untranslated = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        Map<String, Integer> lines = UnitLines.of(xliff);
        NodeList units = document.getElementsByTagNameNS(Xliff12Writer.XLIFF, "trans-unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            Element source = first(unit, Xliff12Writer.XLIFF, "source");
            Element target = first(unit, Xliff12Writer.XLIFF, "target");
            if (target != null) {
                UnitTarget.dropLayout(target);
                requireNestedPairs(unit.getAttribute("id"), target, lines);
            }
            Map<String, String> codes = source == null ? Map.of() : codes12(source);
            boolean plain = InlineCodes.isPlainText(unit.getAttribute("id"));
            String text = target == null ? "" : content12(target, codes, plain);
            if (!text.isBlank() && UNTRANSLATED_12.contains(target.getAttribute("state")) && source != null && hasText12(source)
                    && TypedText.sameText(text, content12(source, codes, plain))) {
                copies.add(unit.getAttribute("id"));
            } else if (!text.isBlank()) {
                targets.put(unit.getAttribute("id"), text);
            } else if (source != null && !hasText12(source)) {
                // Only codes (an image, a shortcode): nothing to translate, the source stands.
                targets.put(unit.getAttribute("id"), content12(source, codes, plain));
            } else {
                untranslated.add(unit.getAttribute("id"));
            }
        }
        return new Filled(metadata(document.getElementsByTagNameNS(Xliff12Writer.XLIFF, "prop"), "prop-type"), targets, untranslated,
                copies, lines);
    }

    /**
     * A 1.2 target's {@code <bpt>} and {@code <ept>} must close in the order they open, each
     * with its partner: a crossed or lone one would put half a link or an unclosed emphasis on
     * the page, so the file is refused, naming the unit and its line.
     */
    private static void requireNestedPairs(String unitId, Element target, Map<String, Integer> lines) {
        Deque<String> open = new ArrayDeque<>();
        NodeList codes = target.getElementsByTagNameNS(Xliff12Writer.XLIFF, "*");
        for (int i = 0; i < codes.getLength(); i++) {
            Element code = (Element) codes.item(i);
            String id = code.getAttribute("id");
            if ("bpt".equals(code.getLocalName())) {
                open.push(id);
            } else if ("ept".equals(code.getLocalName()) && (open.isEmpty() || !open.pop().equals(id))) {
                throw pairProblem(unitId, "<ept id=\"" + id + "\"> does not close the paired code opened last (codes crossed, or one missing)", lines);
            }
        }
        if (!open.isEmpty()) {
            throw pairProblem(unitId, "<bpt id=\"" + open.peek() + "\"> is never closed by its <ept>", lines);
        }
    }

    private static RejectedInputException pairProblem(String unitId, String message, Map<String, Integer> lines) {
        return new RejectedInputException(Problem.error("xliff-invalid", unitId, "unit '" + unitId + "': " + message, lines.get(unitId)));
    }

    /** The source's codes, by element and id ("ph:3", "bpt:1", "ept:1"): a pair's two codes share their id. */
    private static Map<String, String> codes12(Element source) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String kind : CODES_12) {
            textById(source.getElementsByTagNameNS(Xliff12Writer.XLIFF, kind), "id")
                    .forEach((id, code) -> codes.put(kind + ":" + id, code));
        }
        return codes;
    }

    /**
     * The trans-unit's own {@code <source>} or {@code <target>}: a child, not any descendant. A
     * tool's translation-memory matches ({@code <alt-trans>}) hold a source and a target of their
     * own, a fuzzy match for another sentence; taken for the unit's, a unit nobody translated
     * was published with that suggestion.
     */
    private static Element first(Element parent, String namespace, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    /** The text of each element by one of its attributes: original data and codes by id. */
    private static Map<String, String> textById(NodeList elements, String attribute) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            texts.put(element.getAttribute(attribute), element.getTextContent());
        }
        return texts;
    }

    /** The file's metadata entries, by their type attribute, with the white space of pretty-printing removed. */
    private static Map<String, String> metadata(NodeList entries, String typeAttribute) {
        Map<String, String> metadata = textById(entries, typeAttribute);
        metadata.replaceAll((type, value) -> value.strip());
        return metadata;
    }

    /** Whether a 1.2 source holds text outside its codes. */
    private static boolean hasText12(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !child.getNodeValue().isBlank()) {
                return true;
            }
            if (child instanceof Element inner && !CODES_12.contains(inner.getLocalName()) && hasText12(inner)) {
                return true;
            }
        }
        return false;
    }

    /** A 1.2 target's text: codes from the source; the content of a paired {@code <g>} kept, other codes left out. */
    private static String content12(Element element, Map<String, String> codes, boolean plain) {
        return content12(element, codes, plain, true);
    }

    private static String content12(Element element, Map<String, String> codes, boolean plain, boolean atLineStart) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(plain ? child.getNodeValue() : TypedText.literal(child.getNodeValue(), UnitTarget.atLineStart(text, atLineStart)));
            } else if (child instanceof Element code && CODES_12.contains(code.getLocalName())) {
                // A code the source does not have (a translator's addition) keeps its own text.
                text.append(codes.getOrDefault(code.getLocalName() + ":" + code.getAttribute("id"), code.getTextContent()));
            } else if (child instanceof Element code && ("g".equals(code.getLocalName()) || "mrk".equals(code.getLocalName()))) {
                text.append(content12(code, codes, plain, UnitTarget.atLineStart(text, atLineStart)));
            }
        }
        return text.toString();
    }

    private static Document parse(byte[] xliff) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xliff));
        } catch (SAXParseException e) {
            throw new RejectedInputException(new Problem(Severity.ERROR, "xliff-invalid", null,
                    "the XLIFF file is not well-formed XML: " + encodingHint(xliff).orElse(e.getMessage()),
                    e.getLineNumber() > 0 ? e.getLineNumber() : null, e.getColumnNumber() > 0 ? e.getColumnNumber() : null));
        } catch (SAXException e) {
            throw reject("the XLIFF file is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be set up", e);
        }
    }

    /**
     * Why a file whose declaration and bytes disagree cannot be read, in a translator's words:
     * the parser says "Content is not allowed in prolog" for an encoding="UTF-16" file an
     * editor saved as UTF-8, and "Invalid byte 1 of 1-byte UTF-8 sequence" for a UTF-8 one
     * saved as ANSI (Windows-1252). Empty when the declaration is not the cause.
     */
    private static Optional<String> encodingHint(byte[] xliff) {
        if (xliff.length < 2 || xliff[0] != '<' || xliff[1] != '?') {
            // A byte-order mark or UTF-16 bytes: the parser reads those by themselves.
            return Optional.empty();
        }
        String head = new String(xliff, 0, Math.min(xliff.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head);
        String encoding = declared.find() ? declared.group(1).toUpperCase(Locale.ROOT) : "UTF-8";
        if (encoding.startsWith("UTF-16")) {
            return Optional.of("its XML declaration says encoding=\"" + declared.group(1) + "\", but the file is not saved"
                    + " in UTF-16 (an editor converted it and left the declaration): change the declaration to encoding=\"UTF-8\"");
        }
        if (encoding.equals("UTF-8") && !StandardCharsets.UTF_8.newDecoder()
                .decode(ByteBuffer.wrap(xliff), CharBuffer.allocate(xliff.length), true).isUnderflow()) {
            return Optional.of("it is not saved in UTF-8, which its XML declaration says (saved as ANSI or Windows-1252?):"
                    + " save it again as UTF-8");
        }
        return Optional.empty();
    }

    private static RejectedInputException reject(String message) {
        return new RejectedInputException(Problem.error("xliff-invalid", null, message, null));
    }
}
