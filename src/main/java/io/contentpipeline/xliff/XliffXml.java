package io.contentpipeline.xliff;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** What both XLIFF versions write alike: the document around the root, and the version keys. */
final class XliffXml {

    /** The translation-block keys that name the source version, in every XLIFF file's metadata. */
    static final List<String> VERSION_KEYS = List.of("source", "source_lang", "target_lang", "source_version", "source_sha256");

    /** Looking the factory up scans the class path; once is enough, and a configured factory is thread-safe. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    @FunctionalInterface
    interface Writing {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private XliffXml() {
    }

    /** A UTF-8 XML document whose root element {@code root} writes, as text. */
    static String document(Writing root) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            root.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory cannot fail", e);
        }
        return out + "\n";
    }

    /**
     * The translation block's version keys, one element each, into the group element already
     * open: {@code <prop prop-type="…">} in XLIFF 1.2 (no namespace), {@code <mda:meta type="…">}
     * in 2.1.
     */
    static void versionKeys(XMLStreamWriter xml, Map<String, Object> block, String namespace, String element,
                            String keyAttribute) throws XMLStreamException {
        for (String key : VERSION_KEYS) {
            xml.writeCharacters("\n    ");
            if (namespace == null) {
                xml.writeStartElement(element);
            } else {
                xml.writeStartElement(namespace, element);
            }
            xml.writeAttribute(keyAttribute, key);
            xml.writeCharacters(String.valueOf(block.get(key)));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
    }
}
