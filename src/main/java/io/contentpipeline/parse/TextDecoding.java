package io.contentpipeline.parse;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into article text: strict UTF-8, a leading BOM dropped, CRLF and CR
 * line endings folded to LF. Anything that is not text is rejected here, before YAML or
 * Markdown parsers see it.
 */
public final class TextDecoding {

    private TextDecoding() {
    }

    public static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new RejectedInputException(Problem.error("empty-file", null, "the file is empty", null));
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        if (hasUtf16Bom(bytes)) {
            throw new RejectedInputException(Problem.error("not-utf8", null,
                    "the file is UTF-16; save it as UTF-8", null));
        }
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new RejectedInputException(Problem.error("binary-content", null,
                        "the file holds NUL bytes; it is binary, not a text article", null));
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
            return normaliseLineEndings(text);
        } catch (CharacterCodingException e) {
            throw new RejectedInputException(Problem.error("not-utf8", null,
                    "the file is not valid UTF-8; save it as UTF-8", null));
        }
    }

    static String normaliseLineEndings(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static boolean hasUtf16Bom(byte[] bytes) {
        return bytes.length >= 2 && (((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
                || ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE));
    }
}
