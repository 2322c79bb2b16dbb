package io.contentpipeline.parse;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a file's bytes into article text. UTF-8 is expected (a leading BOM is dropped);
 * CRLF and CR line endings become LF. Two legacy encodings that French authors really send
 * are decoded with a warning rather than rejected: UTF-16 with a BOM (Word's "Unicode
 * text"), and Windows-1252 (older Windows editors), the latter only when every non-ASCII
 * byte decodes to a letter or sign of Western European text. Anything else that is not UTF-8, and
 * anything with NUL bytes, is rejected here, before YAML or Markdown parsers see it.
 */
public final class TextDecoding {

    /**
     * Characters a Windows-1252 text in French, English, Spanish, German, Italian or Portuguese
     * uses beyond ASCII: their letters, quotes, dashes and the signs of prices and trade marks
     * (a translator into English writes "£200", into Spanish "¿Por qué?"). The middle dot is
     * French inclusive writing's ("professionnel·le·s"). Left out are the bytes that other
     * legacy encodings use for their own letters and that would come out as a sign no text of
     * these languages writes (Windows-1250's "ł" is "³" here, ISO-8859-2's "ą" is "±"): such
     * a file is refused, not published garbled.
     */
    private static final String WESTERN_1252 = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»‘’“”–—…€°·\u00A0"
            + "áíóúñãõìòåøÁÍÓÚÑÃÕÌÒÅØß¿¡ºª„‚£©®™§";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public record Decoded(String text, Optional<Problem> warning) {
    }

    private TextDecoding() {
    }

    /**
     * What the binary file most likely is: a translator who saved a Word document under the
     * draft's .md name was told only that it was "not a text article".
     */
    private static String binaryContent(byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return "the file is a zip archive, as a Word (.docx) or OpenDocument (.odt) document is, not text:"
                    + " save it as plain text in UTF-8 (in Word: Save As, Plain Text) under a .md name, and drop it again";
        }
        if (bytes.length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            return "the file is a PDF, not text: drop the Markdown file itself (.md, in UTF-8)";
        }
        return "the file holds NUL bytes; it is binary, not a text article";
    }

    public static Decoded decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new RejectedInputException(Problem.error("empty-file", null, "the file is empty", null));
        }
        if (hasUtf16Bom(bytes)) {
            Charset utf16 = (bytes[0] & 0xFF) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            String text = strict(utf16, bytes, 2).orElseThrow(() -> new RejectedInputException(Problem.error("not-utf8", null,
                    "the file starts with a UTF-16 byte-order mark but is not valid UTF-16; save it as UTF-8", null)));
            return decoded(text, "encoding-utf16", "the file is UTF-16; it was read as such, but please save it as UTF-8");
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new RejectedInputException(Problem.error("binary-content", null, binaryContent(bytes), null));
            }
        }
        Optional<String> utf8 = strict(StandardCharsets.UTF_8, bytes, start);
        if (utf8.isPresent()) {
            return new Decoded(normaliseLineEndings(utf8.get()), Optional.empty());
        }
        Optional<String> legacy = strict(WINDOWS_1252, bytes, 0).filter(TextDecoding::looksLikeWestern1252);
        if (legacy.isPresent()) {
            return decoded(legacy.get(), "encoding-windows-1252",
                    "the file is not UTF-8; it was read as Windows-1252, but please save it as UTF-8");
        }
        // Said of no language: returns in any target language come through here, and an English
        // translator used to be told the file was not "French text in Windows-1252".
        int invalid = firstInvalidUtf8(bytes, start);
        throw new RejectedInputException(Problem.error("not-utf8", null, String.format(Locale.ROOT,
                "the file is not valid UTF-8 (byte 0x%02X) and was not read as another encoding; save it as UTF-8",
                bytes[invalid] & 0xFF), lineOf(bytes, invalid)));
    }

    /** The offset of the first byte UTF-8 does not allow where it stands (the bytes are known not to be UTF-8). */
    private static int firstInvalidUtf8(byte[] bytes, int start) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(bytes.length), true);
        return result.isError() ? in.position() : bytes.length - 1;
    }

    /** The 1-based line of a byte: a line feed is the same byte in UTF-8 and in every encoding read here. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    private static Decoded decoded(String text, String code, String message) {
        return new Decoded(normaliseLineEndings(text), Optional.of(Problem.warning(code, null, message, null)));
    }

    private static Optional<String> strict(Charset charset, byte[] bytes, int start) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeWestern1252(String text) {
        return text.chars().filter(c -> c >= 0x80).allMatch(c -> WESTERN_1252.indexOf(c) >= 0);
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
