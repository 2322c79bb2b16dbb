package io.contentpipeline.xliff;

import io.contentpipeline.segment.Segment;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a draft as an XLIFF 2.1 document for translation tools: one {@code <unit>} per
 * segment (its id is the segment id), protected Markdown and HTML as inline codes with
 * their original data ({@code <pc>} around the text a pair of codes encloses, {@code <ph>}
 * for the others), the source version and digest in the file's metadata.
 * Segments pre-filled from an earlier translation carry it as target, state "translated";
 * the others are "initial".
 */
public final class XliffWriter implements XliffExport {

    public static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";
    public static final String METADATA = "urn:oasis:names:tc:xliff:metadata:2.0";

    @Override
    public String write(Map<String, Object> block, List<Segment> segments, Function<Segment, Optional<String>> translations) {
        return XliffXml.document(xml -> {
            xml.writeStartElement("xliff");
            xml.writeDefaultNamespace(XLIFF);
            xml.writeNamespace("mda", METADATA);
            xml.writeAttribute("version", "2.1");
            xml.writeAttribute("srcLang", String.valueOf(block.get("source_lang")));
            xml.writeAttribute("trgLang", String.valueOf(block.get("target_lang")));
            xml.writeCharacters("\n");
            xml.writeStartElement("file");
            xml.writeAttribute("id", "f1");
            xml.writeAttribute("original", block.get("source") + ".md");
            writeMetadata(xml, block);
            for (Segment segment : segments) {
                writeUnit(xml, segment, translations.apply(segment));
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
        });
    }

    private static void writeMetadata(XMLStreamWriter xml, Map<String, Object> block) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement(METADATA, "metadata");
        xml.writeStartElement(METADATA, "metaGroup");
        xml.writeAttribute("category", "content-pipeline");
        XliffXml.versionKeys(xml, block, METADATA, "meta", "type");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void writeUnit(XMLStreamWriter xml, Segment segment, Optional<String> translation) throws XMLStreamException {
        List<InlineCodes.Part> source = InlineCodes.split(segment);
        Optional<CodePairs.Target> target = translation.map(text -> CodePairs.reused(segment, source, text));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("unit");
        xml.writeAttribute("id", segment.id());
        xml.writeAttribute("name", segment.kind().name().toLowerCase());
        // One entry per code id, the source's first, then any the translation added.
        Map<String, String> data = new LinkedHashMap<>();
        for (List<InlineCodes.Part> parts : target.map(t -> List.of(source, t.parts())).orElse(List.of(source))) {
            parts.stream().filter(InlineCodes.Part::isCode).forEach(code -> data.putIfAbsent(code.codeId(), code.text()));
        }
        if (!data.isEmpty()) {
            xml.writeStartElement("originalData");
            for (Map.Entry<String, String> code : data.entrySet()) {
                xml.writeStartElement("data");
                xml.writeAttribute("id", "d" + code.getKey());
                xml.writeCharacters(code.getValue());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeStartElement("segment");
        xml.writeAttribute("state", target.isPresent() ? "translated" : "initial");
        writeContent(xml, "source", source, CodePairs.of(source));
        if (target.isPresent()) {
            writeContent(xml, "target", target.get().parts(), target.get().pairs());
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void writeContent(XMLStreamWriter xml, String element, List<InlineCodes.Part> parts, Map<Integer, Integer> pairs)
            throws XMLStreamException {
        xml.writeStartElement(element);
        writeSpan(xml, parts, pairs, 0, parts.size());
        xml.writeEndElement();
    }

    /**
     * Parts from {@code from} to {@code to}: text as text, a paired opening and closing code as
     * one {@code <pc>} around what they enclose (a tool then shows them as a pair and keeps
     * them in order), any other code as a {@code <ph>}.
     */
    private static void writeSpan(XMLStreamWriter xml, List<InlineCodes.Part> parts, Map<Integer, Integer> pairs, int from, int to)
            throws XMLStreamException {
        for (int i = from; i < to; i++) {
            InlineCodes.Part part = parts.get(i);
            Integer closing = pairs.get(i);
            if (!part.isCode()) {
                xml.writeCharacters(part.text());
            } else if (closing != null) {
                xml.writeStartElement("pc");
                xml.writeAttribute("id", part.codeId());
                xml.writeAttribute("dataRefStart", "d" + part.codeId());
                xml.writeAttribute("dataRefEnd", "d" + parts.get(closing).codeId());
                writeSpan(xml, parts, pairs, i + 1, closing);
                xml.writeEndElement();
                i = closing;
            } else {
                xml.writeEmptyElement("ph");
                xml.writeAttribute("id", part.codeId());
                xml.writeAttribute("dataRef", "d" + part.codeId());
            }
        }
    }
}
