package io.contentpipeline.files;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Fits names the pipeline derives from an input's name (its archive copy, its rejected copy
 * and report) into the file system's limit: 255 bytes of UTF-8 on ext4, XFS and btrfs. An
 * input may be named right up to that limit, and a prefix or suffix would push the derived
 * name past it, so that the file could never leave the inbox.
 * <p>
 * A name too long keeps its extension and as much of its start as fits, cut between two
 * characters as a reader sees them (never inside a UTF-8 sequence, a surrogate pair or
 * before a combining accent), followed by {@code ~} and eight hex digits of the full name's
 * SHA-256: two long names that differ only near their end must not become one name, since
 * a move onto an existing file replaces it.
 */
public final class FileNames {

    /** Longest file name, in bytes of UTF-8, on the Linux file systems the pipeline runs on. */
    public static final int MAX_BYTES = 255;
    /** Longer "extensions" are taken as part of the name: the inbox takes .md, .markdown, .txt, .xlf, .xliff. */
    private static final int MAX_EXTENSION_BYTES = 16;
    private static final int TAG_HEX_DIGITS = 8;
    private static final int TAG_BYTES = 1 + TAG_HEX_DIGITS;

    private FileNames() {
    }

    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code prefix + name + suffix}, the name shortened when the whole would be over {@link #MAX_BYTES}. */
    public static String around(String prefix, String name, String suffix) {
        return prefix + fit(name, MAX_BYTES - utf8Length(prefix) - utf8Length(suffix)) + suffix;
    }

    /** The name itself when it takes at most {@code maxBytes} bytes, else its shortened form (class comment). */
    public static String fit(String name, int maxBytes) {
        if (utf8Length(name) <= maxBytes) {
            return name;
        }
        String extension = extension(name);
        String stem = name.substring(0, name.length() - extension.length());
        int room = maxBytes - TAG_BYTES - utf8Length(extension);
        if (room < 1) {
            throw new IllegalArgumentException("no room for a name in " + maxBytes + " bytes");
        }
        return head(stem, room) + "~" + Sha256.of(name).substring(0, TAG_HEX_DIGITS) + extension;
    }

    /** The name without its last dot and what follows ("cmo.2.md" → "cmo.2"); a hidden name (".profile") as it is. */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The last dot and what follows, when short; empty for a hidden name (".profile") or none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || utf8Length(name.substring(dot)) > MAX_EXTENSION_BYTES) {
            return "";
        }
        return name.substring(dot);
    }

    /** The longest start of {@code text} that ends on a character boundary and takes at most {@code maxBytes}. */
    private static String head(String text, int maxBytes) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int end = 0;
        int bytes = 0;
        for (int next = characters.next(); next != BreakIterator.DONE; next = characters.next()) {
            bytes += utf8Length(text.substring(end, next));
            if (bytes > maxBytes) {
                break;
            }
            end = next;
        }
        return text.substring(0, end);
    }
}
