package io.contentpipeline.xliff;

import io.contentpipeline.segment.Segment;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a draft as an XLIFF 1.2 document, for tools that do not read 2.x yet: one
 * {@code <trans-unit>} per segment (its id is the segment id), protected Markdown and HTML
 * as code elements holding the original code ({@code <bpt>}/{@code <ept>} for a pair that
 * encloses text, {@code <ph>} for the rest), the source version and digest as
 * {@code <prop>}s in the header. Segments pre-filled from an earlier translation carry it
 * as a target with state "translated"; the others have no target yet.
 */
public final class Xliff12Writer implements XliffExport {

    public static final String XLIFF = "urn:oasis:names:tc:xliff:document:1.2";
    /** The group of header properties that names the source version. */
    static final String PROPERTIES = "content-pipeline";

    @Override
    public String write(Map<String, Object> block, List<Segment> segments, Function<Segment, Optional<String>> translations) {
        return XliffXml.document(xml -> {
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
        });
    }

    private static void writeHeader(XMLStreamWriter xml, Map<String, Object> block) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("header");
        xml.writeStartElement("prop-group");
        xml.writeAttribute("name", PROPERTIES);
        XliffXml.versionKeys(xml, block, null, "prop", "prop-type");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void writeUnit(XMLStreamWriter xml, Segment segment, Optional<String> translation) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("trans-unit");
        xml.writeAttribute("id", segment.id());
        xml.writeAttribute("resname", segment.kind().name().toLowerCase());
        List<InlineCodes.Part> source = InlineCodes.split(segment);
        xml.writeStartElement("source");
        writeParts(xml, source, CodePairs.of(source));
        xml.writeEndElement();
        if (translation.isPresent()) {
            CodePairs.Target target = CodePairs.reused(segment, source, translation.get());
            xml.writeStartElement("target");
            xml.writeAttribute("state", "translated");
            writeParts(xml, target.parts(), target.pairs());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /**
     * In 1.2 a code element holds the code itself: the opening code of a pair as a
     * {@code <bpt>}, its closing code as an {@code <ept>} of the same id (so a tool shows
     * them as a pair), any other code as a {@code <ph>}.
     */
    private static void writeParts(XMLStreamWriter xml, List<InlineCodes.Part> parts, Map<Integer, Integer> pairs)
            throws XMLStreamException {
        Map<Integer, String> closers = new HashMap<>();
        pairs.forEach((open, close) -> closers.put(close, parts.get(open).codeId()));
        for (int i = 0; i < parts.size(); i++) {
            InlineCodes.Part part = parts.get(i);
            if (!part.isCode()) {
                xml.writeCharacters(part.text());
                continue;
            }
            String pairId = closers.get(i);
            xml.writeStartElement(pairs.containsKey(i) ? "bpt" : pairId != null ? "ept" : "ph");
            xml.writeAttribute("id", pairId != null ? pairId : part.codeId());
            xml.writeCharacters(part.text());
            xml.writeEndElement();
        }
    }
}
