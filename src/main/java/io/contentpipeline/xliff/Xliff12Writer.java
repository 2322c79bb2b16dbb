package io.contentpipeline.xliff;

import io.contentpipeline.segment.Segment;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a draft as an XLIFF 1.2 document, for tools that do not read 2.x yet: one
 * {@code <trans-unit>} per segment (its id is the segment id), protected Markdown and HTML
 * as {@code <ph>} elements holding the original code, the source version and digest as
 * {@code <prop>}s in the header. Segments pre-filled from an earlier translation carry it
 * as a target with state "translated"; the others have no target yet.
 */
public final class Xliff12Writer implements XliffExport {

    public static final String XLIFF = "urn:oasis:names:tc:xliff:document:1.2";
    /** The group of header properties that names the source version. */
    static final String PROPERTIES = "content-pipeline";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    @Override
    public String write(Map<String, Object> block, List<Segment> segments, Function<Segment, Optional<String>> translations) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("xliff");
            xml.writeDefaultNamespace(XLIFF);
            xml.writeAttribute("version", "1.2");
            xml.writeCharacters("\n");
            xml.writeStartElement("file");
            xml.writeAttribute("original", block.get("source") + ".md");
            xml.writeAttribute("source-language", String.valueOf(block.get("source_lang")));
            xml.writeAttribute("target-language", String.valueOf(block.get("target_lang")));
            xml.writeAttribute("datatype", "x-markdown");
            writeHeader(xml, block);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (Segment segment : segments) {
                writeUnit(xml, segment, translations.apply(segment));
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory cannot fail", e);
        }
        return out + "\n";
    }

    private static void writeHeader(XMLStreamWriter xml, Map<String, Object> block) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("header");
        xml.writeStartElement("prop-group");
        xml.writeAttribute("name", PROPERTIES);
        for (String key : List.of("source", "source_lang", "target_lang", "source_version", "source_sha256")) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("prop");
            xml.writeAttribute("prop-type", key);
            xml.writeCharacters(String.valueOf(block.get(key)));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void writeUnit(XMLStreamWriter xml, Segment segment, Optional<String> translation) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("trans-unit");
        xml.writeAttribute("id", segment.id());
        xml.writeAttribute("resname", segment.kind().name().toLowerCase());
        writeContent(xml, "source", InlineCodes.split(segment.text()));
        if (translation.isPresent()) {
            xml.writeStartElement("target");
            xml.writeAttribute("state", "translated");
            writeParts(xml, InlineCodes.split(translation.get()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void writeContent(XMLStreamWriter xml, String element, List<InlineCodes.Part> parts) throws XMLStreamException {
        xml.writeStartElement(element);
        writeParts(xml, parts);
        xml.writeEndElement();
    }

    private static void writeParts(XMLStreamWriter xml, List<InlineCodes.Part> parts) throws XMLStreamException {
        for (InlineCodes.Part part : parts) {
            if (part.isCode()) {
                xml.writeStartElement("ph");
                xml.writeAttribute("id", part.codeId());
                xml.writeCharacters(part.text());
                xml.writeEndElement();
            } else {
                xml.writeCharacters(part.text());
            }
        }
    }
}
