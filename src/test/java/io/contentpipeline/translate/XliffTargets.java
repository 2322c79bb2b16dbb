package io.contentpipeline.translate;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A translation tool as the tests play it, on an exported XLIFF 2.1 file. */
final class XliffTargets {

    static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";

    private XliffTargets() {
    }

    /**
     * The file with a target in every segment: a copy of the source's content, codes kept where
     * they stand, changed in place by {@code translate}, and the segment marked translated.
     */
    static String filled(String xliff, Consumer<Element> translate) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xliff.getBytes(StandardCharsets.UTF_8)));
            NodeList segments = document.getElementsByTagNameNS(XLIFF, "segment");
            for (int i = 0; i < segments.getLength(); i++) {
                Element segment = (Element) segments.item(i);
                Element source = (Element) segment.getElementsByTagNameNS(XLIFF, "source").item(0);
                Element target = document.createElementNS(XLIFF, "target");
                for (Node child = source.getFirstChild(); child != null; child = child.getNextSibling()) {
                    target.appendChild(child.cloneNode(true));
                }
                translate.accept(target);
                segment.appendChild(target);
                segment.setAttribute("state", "translated");
            }
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot fill the exported XLIFF file", e);
        }
    }
}
