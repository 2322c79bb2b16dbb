package io.contentpipeline.xliff;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a filled XLIFF 2.1 or 1.2 file back: the metadata that names the source version,
 * and for every unit its target text with the placeholders replaced by their original data.
 * DOCTYPEs and external entities are refused (no XXE).
 */
public final class XliffReader {

    /** What a returned XLIFF file says: its metadata and unit id → target text (only units that have one). */
    public record Filled(Map<String, String> metadata, Map<String, String> targets) {
    }

    public Filled read(byte[] xliff) {
        Document document = parse(xliff);
        Element root = document.getDocumentElement();
        if ("xliff".equals(root.getLocalName()) && Xliff12Writer.XLIFF.equals(root.getNamespaceURI())) {
            return read12(document);
        }
        if (!"xliff".equals(root.getLocalName()) || !XliffWriter.XLIFF.equals(root.getNamespaceURI())) {
            throw reject("the file is not an XLIFF 2 or 1.2 document (root element <xliff> in " + XliffWriter.XLIFF
                    + " or " + Xliff12Writer.XLIFF + ")");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        NodeList metas = document.getElementsByTagNameNS(XliffWriter.METADATA, "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element meta = (Element) metas.item(i);
            metadata.put(meta.getAttribute("type"), meta.getTextContent().strip());
        }
        Map<String, String> targets = new LinkedHashMap<>();
        NodeList units = document.getElementsByTagNameNS(XliffWriter.XLIFF, "unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            Map<String, String> data = originalData(unit);
            NodeList target = unit.getElementsByTagNameNS(XliffWriter.XLIFF, "target");
            if (target.getLength() > 0) {
                targets.put(unit.getAttribute("id"), content((Element) target.item(0), data));
            }
        }
        return new Filled(metadata, targets);
    }

    /**
     * XLIFF 1.2: metadata from the header's properties, targets from the trans-units. A
     * {@code <ph>} stands for the code of the source's {@code <ph>} with the same id, whatever
     * a tool left inside it, so that a code cannot be altered on the way.
     */
    private static Filled read12(Document document) {
        Map<String, String> metadata = new LinkedHashMap<>();
        NodeList properties = document.getElementsByTagNameNS(Xliff12Writer.XLIFF, "prop");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            metadata.put(property.getAttribute("prop-type"), property.getTextContent().strip());
        }
        Map<String, String> targets = new LinkedHashMap<>();
        NodeList units = document.getElementsByTagNameNS(Xliff12Writer.XLIFF, "trans-unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            Element source = first(unit, "source");
            Element target = first(unit, "target");
            if (target != null && source != null) {
                targets.put(unit.getAttribute("id"), content12(target, codes12(source)));
            }
        }
        return new Filled(metadata, targets);
    }

    private static Element first(Element unit, String name) {
        NodeList found = unit.getElementsByTagNameNS(Xliff12Writer.XLIFF, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static Map<String, String> codes12(Element source) {
        Map<String, String> codes = new HashMap<>();
        NodeList placeholders = source.getElementsByTagNameNS(Xliff12Writer.XLIFF, "ph");
        for (int i = 0; i < placeholders.getLength(); i++) {
            Element placeholder = (Element) placeholders.item(i);
            codes.put(placeholder.getAttribute("id"), placeholder.getTextContent());
        }
        return codes;
    }

    /** A 1.2 target's text: codes from the source; the content of a paired {@code <g>} kept, other codes left out. */
    private static String content12(Element element, Map<String, String> codes) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child instanceof Element code && "ph".equals(code.getLocalName())) {
                text.append(codes.getOrDefault(code.getAttribute("id"), ""));
            } else if (child instanceof Element code && ("g".equals(code.getLocalName()) || "mrk".equals(code.getLocalName()))) {
                text.append(content12(code, codes));
            }
        }
        return text.toString();
    }

    private static Map<String, String> originalData(Element unit) {
        Map<String, String> data = new HashMap<>();
        NodeList items = unit.getElementsByTagNameNS(XliffWriter.XLIFF, "data");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            data.put(item.getAttribute("id"), item.getTextContent());
        }
        return data;
    }

    /** The text of a target, codes put back from the original data; an unknown code is left out. */
    private static String content(Element element, Map<String, String> data) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child instanceof Element code) {
                String original = data.get(code.getAttribute("dataRef"));
                if (original != null) {
                    text.append(original);
                }
                if ("pc".equals(code.getLocalName())) {
                    text.append(content(code, data));
                }
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
        } catch (SAXException e) {
            throw reject("the XLIFF file is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be set up", e);
        }
    }

    private static RejectedInputException reject(String message) {
        return new RejectedInputException(Problem.error("xliff-invalid", null, message, null));
    }
}
