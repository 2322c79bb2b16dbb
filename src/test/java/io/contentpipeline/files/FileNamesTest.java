package io.contentpipeline.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileNamesTest {

    private static final String NFC_E = "\u00e9";
    private static final String NFD_E = "e\u0301";
    private static final String ROCKET = "\ud83d\ude80";

    @TempDir
    Path temp;

    @Test
    void aNameThatFitsIsKeptAsItIs() {
        assertThat(FileNames.fit("brouillon.md", 255)).isEqualTo("brouillon.md");
        assertThat(FileNames.around("20250725T101500.000Z_", "brouillon.md", "")).isEqualTo("20250725T101500.000Z_brouillon.md");
    }

    @Test
    void aNameOfExactlyTheLimitIsKeptAndOneByteMoreIsShortened() {
        String exact = "a".repeat(252) + ".md";
        assertThat(FileNames.fit(exact, 255)).isEqualTo(exact);

        String over = "a".repeat(253) + ".md";
        String fitted = FileNames.fit(over, 255);
        assertThat(FileNames.utf8Length(fitted)).isEqualTo(255);
        assertThat(fitted).startsWith("a".repeat(243)).matches("a+~[0-9a-f]{8}\\.md");
    }

    @Test
    void anAsciiNameKeepsItsStartAndItsExtension() {
        String fitted = FileNames.around("20250725T101500.000Z_", "a".repeat(240) + ".md", "");
        assertThat(FileNames.utf8Length(fitted)).isEqualTo(255);
        assertThat(fitted).startsWith("20250725T101500.000Z_aaaa").endsWith(".md");
    }

    @Test
    void accentedNamesAreCutBetweenCharactersInNfcAndNfd() {
        for (String e : new String[]{NFC_E, NFD_E}) {
            String name = ("Strat" + e + "gie ").repeat(30) + ".md";
            for (int max = 200; max <= 212; max++) {
                String fitted = FileNames.fit(name, max);
                assertValid(fitted, max);
                assertThat(fitted).endsWith(".md");
                String head = fitted.substring(0, fitted.lastIndexOf('~'));
                assertThat(name).startsWith(head);
                // An NFD é is never split from its accent: what the cut leaves out starts a whole character.
                assertThat(name.charAt(head.length())).isNotEqualTo('\u0301');
            }
        }
        assertThat(Normalizer.isNormalized(FileNames.fit(("Strat" + NFD_E + "gie ").repeat(30) + ".md", 201), Normalizer.Form.NFD)).isTrue();
    }

    @Test
    void emojiAreNeverSplitAcrossTheirSurrogatesOrBytes() {
        String name = ROCKET.repeat(80) + ".md";
        for (int max = 240; max <= 255; max++) {
            String fitted = FileNames.fit(name, max);
            assertValid(fitted, max);
            assertThat(fitted).matches("(" + ROCKET + ")+~[0-9a-f]{8}\\.md");
        }
    }

    @Test
    void onlyTheLastShortExtensionIsKept() {
        String name = "rapport.v2.final." + "x".repeat(250) + ".draft.md";
        assertThat(FileNames.fit(name, 255)).startsWith("rapport.v2.final.xxx").endsWith(".md").doesNotContain(".draft");

        // A "dot" far from the end is part of the name, not an extension.
        String noExtension = "notes." + "y".repeat(300);
        String fitted = FileNames.fit(noExtension, 255);
        assertThat(fitted).startsWith("notes.yyy").matches(".+~[0-9a-f]{8}");
        assertThat(FileNames.utf8Length(fitted)).isEqualTo(255);
    }

    @Test
    void twoLongNamesThatDifferOnlyAtTheEndStayApart() {
        String common = "a".repeat(260);
        assertThat(FileNames.fit(common + "-1.md", 255)).isNotEqualTo(FileNames.fit(common + "-2.md", 255));
        assertThat(FileNames.fit(common + "-1.md", 255)).isEqualTo(FileNames.fit(common + "-1.md", 255));
    }

    @Test
    void aPrefixAndSuffixAreKeptWholeAndTheResultFits() {
        String fitted = FileNames.around("20250725T101500.000Z_", ("Strat" + NFC_E + "gie ").repeat(22) + ".md", ".errors.json");
        assertValid(fitted, 255);
        assertThat(fitted).startsWith("20250725T101500.000Z_Strat").endsWith(".md.errors.json");
    }

    @Test
    void aFittedNameCanBeCreatedOnThisFileSystem() throws Exception {
        java.util.List<String> created = new java.util.ArrayList<>();
        for (String stem : new String[]{"a", NFC_E, NFD_E, ROCKET, "\u4e2d"}) {
            String fitted = FileNames.around("20250725T101500.000Z_", stem.repeat(300) + ".md", "");
            // Fitted to the limit, not merely short: within one character of 255 bytes, prefix and extension whole.
            assertThat(fitted.getBytes(StandardCharsets.UTF_8)).as(stem).hasSizeBetween(251, 255);
            assertThat(fitted).startsWith("20250725T101500.000Z_" + stem).endsWith(".md");
            Files.writeString(temp.resolve(fitted), stem);
            created.add(fitted);
        }
        // The file system took each name as given: listed under it, and its file read back through it.
        try (var listed = Files.list(temp)) {
            assertThat(listed.map(path -> path.getFileName().toString())).containsExactlyInAnyOrderElementsOf(created);
        }
        assertThat(Files.readString(temp.resolve(created.get(3)))).isEqualTo(ROCKET);
    }

    @Test
    void aBudgetWithNoRoomForANameIsACallersMistake() {
        assertThatThrownBy(() -> FileNames.fit("a".repeat(40) + ".md", 12)).isInstanceOf(IllegalArgumentException.class);
    }

    /** At most {@code max} bytes, and valid UTF-16 that encodes to valid UTF-8 (no lone surrogate). */
    private static void assertValid(String name, int max) {
        assertThat(FileNames.utf8Length(name)).isLessThanOrEqualTo(max);
        try {
            StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(name));
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8)));
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid Unicode: " + name, e);
        }
    }
}
