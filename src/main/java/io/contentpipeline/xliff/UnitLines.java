package io.contentpipeline.xliff;

import io.contentpipeline.segment.LineIndex;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line on which each unit of an XLIFF file starts, so that a problem found in a unit's
 * translation points into the file the translator sent, not into the Markdown merged from it.
 * The XML parser does not keep positions, so the units are found in the text itself.
 */
final class UnitLines {

    private static final Pattern UNIT_START = Pattern.compile(
            "<(?:[\\w.-]+:)?(?:trans-unit|unit)\\b[^>]*?\\bid\\s*=\\s*([\"'])(.*?)\\1");

    private UnitLines() {
    }

    /** Unit id → 1-based line; empty for a file that is not UTF-8 (lines are then left out, never guessed). */
    static Map<String, Integer> of(byte[] xliff) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(xliff)).toString();
        } catch (CharacterCodingException e) {
            return Map.of();
        }
        Map<String, Integer> lines = new HashMap<>();
        LineIndex index = new LineIndex(text);
        Matcher unit = UNIT_START.matcher(text);
        while (unit.find()) {
            lines.putIfAbsent(unit.group(2), index.lineOf(unit.start()) + 1);
        }
        return Map.copyOf(lines);
    }
}
