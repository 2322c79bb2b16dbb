package io.contentpipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files the inbox consumers could not or would not take, which used to sit in the inbox
 * without a word: names with a backslash, a line break or bytes that are not UTF-8 (a zip made
 * on Windows), folders dropped into inbox/ (an unzipped batch), files of another kind
 * (notes.mdx, a .docx return). Each gets an outcome and one log line.
 */
class InboxOddFilesTest {

    private static final String SCAN = "io.contentpipeline.intake.InboxScan";
    private static final String STATUS = "pipeline.status";
    private static final String RENAMED = "a backslash, a line break or another control character, or bytes that are not UTF-8, in a file name"
            + " keep the pipeline from reading the file; it is taken under its new name";
    private static final String OTHER_ARTICLE = article("Un autre article");

    @TempDir
    Path temp;

    /**
     * Camel reads a backslash as a path separator and its include expression does not match a
     * line break: such files were never taken, and --once never ended (the backslash) or ended
     * leaving the file (the line break). They are renamed in their folder and taken.
     */
    @Test
    @Timeout(240)
    void filesWhoseNamesHoldABackslashOrALineBreakAreRenamedInTheirFolderAndTaken() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.dropResource(SeedArticleTest.SEED, "back\\slash.md");
        home.drop("inbox/new\nline.md", article("Un article au nom coupé"));
        home.drop("inbox/back_slash.md", OTHER_ARTICLE);

        List<String> lines = RejectionTest.logLines(home::runOnce, 0, SCAN);

        assertThat(home.files("inbox")).isEmpty();
        assertThat(lines).containsExactlyInAnyOrder(
                "inbox.renamed folder=inbox/ from=\"back\\\\slash.md\" to=\"back_slash.2.md\": " + RENAMED,
                "inbox.renamed folder=inbox/ from=\"new\\nline.md\" to=\"new_line.md\": " + RENAMED);
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("article.accepted"))
                .extracting(e -> e.get("file").asText() + " " + e.get("slug").asText())
                .containsExactlyInAnyOrder("back_slash.2.md role-cmo-pme", "new_line.md new-line", "back_slash.md back-slash");

        // A return with a backslash in its name, in its language folder: renamed there and accepted.
        home.drop("inbox/translations/EN/retour\\en.md", Translator.englishSeedReturn(home));
        lines = RejectionTest.logLines(home::runOnce, 0, SCAN);

        assertThat(lines).containsExactly("inbox.renamed folder=inbox/translations/EN/ from=\"retour\\\\en.md\" to=\"retour_en.md\": " + RENAMED);
        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("input_file").asText()).isEqualTo("retour_en.md");
    }

    /** A name in Latin-1 or CP850 bytes (a zip made on Windows) is no Java string: the file could not be opened by its name. */
    @Test
    @Timeout(240)
    void aFileWhoseNameIsNotUtf8IsRenamedAndTaken() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Files.writeString(temp.resolve("article.md"), OTHER_ARTICLE);
        Process copy = new ProcessBuilder("/bin/sh", "-c", "cp article.md \"inbox/$(printf 'Strat\\351gie.md')\" && touch -d '-2 seconds' inbox/*")
                .directory(temp.toFile()).inheritIO().start();
        assertThat(copy.waitFor()).isZero();
        try (var names = Files.list(inbox)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("Strat\uFFFDgie.md");
        }

        List<String> lines = RejectionTest.logLines(home::runOnce, 0, SCAN);

        assertThat(home.files("inbox")).isEmpty();
        assertThat(lines).containsExactly("inbox.renamed folder=inbox/ from=\"Strat\uFFFDgie.md\" to=\"Strat_gie.md\": " + RENAMED);
        assertThat(home.eventNames()).contains("article.accepted");
    }

    /**
     * A folder in inbox/ (an unzipped batch) and files the include setting does not take were
     * left there without a word, and the status line said inbox=0. Each is named once, saying
     * what is taken and where; hidden files and editor leftovers stay silent; the status line
     * counts what is left (not_taken=).
     */
    @Test
    @Timeout(240)
    void aFolderOrAFileOfAnotherKindInTheInboxIsNamedOnceAndLeftWhereItIs() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.dropResource(SeedArticleTest.SEED, "batch-juillet/unleash.md");
        home.drop("inbox/batch-juillet/images/banner.png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        Files.createDirectories(home.resolve("inbox/empty-for-now"));
        home.drop("inbox/notes.mdx", OTHER_ARTICLE);
        home.drop("inbox/rapport.docx", "PK");
        home.drop("inbox/.~lock.rapport.docx#", "lock");
        home.drop("inbox/~$rapport.docx", "lock");
        home.drop("inbox/notes.md.swp", "swap");
        home.drop("inbox/notes.md~", "backup");
        home.drop("inbox/.git/config", "[core]");
        home.drop("inbox/Thumbs.db", "x");
        home.drop("inbox/translations/EN/role-en.docx", "PK");
        home.drop("inbox/translations/EN/.~lock.role-en.docx#", "lock");
        home.drop("inbox/ok.md", OTHER_ARTICLE);

        List<String> lines = RejectionTest.logLines(home::runOnce, 0, SCAN, STATUS);

        assertThat(lines.stream().filter(line -> !line.startsWith("status "))).containsExactlyInAnyOrder(
                "inbox.not-taken folder=inbox/batch-juillet/: files in a folder under inbox/ are not taken (2 in it now, such as unleash.md);"
                        + " move the articles into inbox/ itself (returned translations go in inbox/translations/<LANG>/)",
                "inbox.not-taken file=inbox/notes.mdx: not taken: only .md, .markdown and .txt files are articles (pipeline.inbox.include);"
                        + " if it is one, save it as Markdown under a .md name (renaming is enough when it is Markdown already, not for a .docx)",
                "inbox.not-taken file=inbox/rapport.docx: not taken: only .md, .markdown and .txt files are articles (pipeline.inbox.include);"
                        + " if it is one, save it as Markdown under a .md name (renaming is enough when it is Markdown already, not for a .docx)",
                "inbox.not-taken file=inbox/translations/EN/role-en.docx: not taken: only .md, .markdown, .txt (Markdown) and .xlf, .xliff"
                        + " (XLIFF) files are returns (pipeline.returns.include); save the translation in one of these formats");
        assertThat(lines).filteredOn(line -> line.startsWith("status ")).last().asString().contains(" inbox=0 not_taken=5 taken=1 ");
        assertThat(home.eventNames()).contains("article.accepted");
        assertThat(home.files("inbox/batch-juillet")).containsExactly("unleash.md");
        assertThat(home.files("inbox")).containsExactlyInAnyOrder("notes.mdx", "rapport.docx", ".~lock.rapport.docx#", "~$rapport.docx",
                "notes.md.swp", "notes.md~", "Thumbs.db");
        assertThat(home.files("inbox/translations/EN")).containsExactlyInAnyOrder("role-en.docx", ".~lock.role-en.docx#");

        // Files appear in the folder that was empty: it is named then.
        home.drop("inbox/empty-for-now/late.md", article("Un article en retard"));
        lines = RejectionTest.logLines(home::runOnce, 0, SCAN);
        assertThat(lines).filteredOn(line -> line.contains("folder=inbox/empty-for-now/")).singleElement().asString()
                .contains("(1 in it now, such as late.md)");
    }

    /**
     * A symbolic link whose target does not exist (a file moved or deleted after the link was
     * made): the consumers do not see it, and it stayed in the inbox without a word, while a
     * link to a file is rejected, symbolic-link. It is named once, and counted as not taken.
     */
    @Test
    void aLinkToAFileThatDoesNotExistIsNamedOnce() throws Exception {
        PipelineHome home = new PipelineHome(temp.resolve("home"));
        Files.createDirectories(home.resolve("inbox/translations/EN"));
        Files.createSymbolicLink(home.resolve("inbox/lien.md"), temp.resolve("deplace.md"));
        Files.createSymbolicLink(home.resolve("inbox/translations/EN/lien-en.md"), temp.resolve("deplace-en.md"));

        List<String> lines = RejectionTest.logLines(home::runOnce, 0, SCAN, STATUS);

        assertThat(lines.stream().filter(line -> !line.startsWith("status "))).containsExactlyInAnyOrder(
                "inbox.not-taken file=inbox/lien.md: a symbolic link to " + temp.resolve("deplace.md") + ", which does not exist;"
                        + " links are not followed: drop the file itself",
                "inbox.not-taken file=inbox/translations/EN/lien-en.md: a symbolic link to " + temp.resolve("deplace-en.md")
                        + ", which does not exist; links are not followed: drop the file itself");
        assertThat(lines).filteredOn(line -> line.startsWith("status ")).last().asString().contains(" inbox=0 not_taken=2 taken=0 ");
    }

    /** A short French article; its title is in its body too, so that two of them are not one content. */
    private static String article(String title) {
        return "---\ntitle: \"" + title + "\"\ndate: 2025-07-25\nauthor: Test\nlang: fr\n---\n" + title
                + " : un court article en français, écrit pour vérifier que le nom de son fichier ne l'empêche pas d'être publié.\n";
    }
}
