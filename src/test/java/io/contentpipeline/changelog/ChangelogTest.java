package io.contentpipeline.changelog;

import io.contentpipeline.article.ChangelogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChangelogTest {

    @TempDir
    Path temp;

    @Test
    void aLineTornByACrashIsCutAndStateEventsAreWrittenOncePerVersion() throws Exception {
        Path file = temp.resolve("changelog.jsonl");
        Changelog first = new Changelog(file);
        first.open();
        ChangelogEvent accepted = ChangelogEvent.now(ChangelogEvent.ARTICLE_ACCEPTED, "s", "fr", 1, "a.md", Map.of());
        assertThat(first.append(accepted)).isTrue();
        first.close();
        Files.writeString(file, Files.readString(file) + "{\"time\":\"2026-", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);

        Changelog second = new Changelog(file);
        second.open();
        assertThat(second.append(ChangelogEvent.now(ChangelogEvent.ARTICLE_ACCEPTED, "s", "fr", 1, "again.md", Map.of())))
                .as("replayed after a crash").isFalse();
        assertThat(second.append(ChangelogEvent.now(ChangelogEvent.ARTICLE_UNCHANGED, "s", "fr", 1, "again.md", Map.of()))).isTrue();
        assertThat(second.append(ChangelogEvent.now(ChangelogEvent.ARTICLE_ACCEPTED, "s", "fr", 2, "b.md", Map.of()))).isTrue();
        second.close();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3).allMatch(line -> line.startsWith("{") && line.endsWith("}"));
        assertThat(ChangelogDigest.render(List.of(accepted))).contains("**article.accepted** `s` FR v1 — a.md");
    }

    @Test
    void aStateEventIsOncePerInputAndLinesWithoutADigestStillCountPerVersion() throws Exception {
        Path file = temp.resolve("changelog.jsonl");
        // A line as the changelog wrote it before events named their input's digest.
        Files.writeString(file, "{\"time\":\"2026-11-26T10:00:00Z\",\"event\":\"bundle.published\",\"slug\":\"s\",\"lang\":\"fr\","
                + "\"version\":1,\"file\":\"outbox/published/s/\",\"detail\":{\"languages\":[\"fr\"]}}\n");
        Changelog changelog = new Changelog(file);
        changelog.open();

        assertThat(changelog.append(ChangelogEvent.bundlePublished("s", "fr", 1, List.of("fr"), "aaa")))
                .as("the old line already says so").isFalse();
        ChangelogEvent first = ChangelogEvent.now(ChangelogEvent.TRANSLATION_ACCEPTED, "s", "en", 1, "a.md", Map.of(ChangelogEvent.SHA256, "bbb"));
        assertThat(changelog.append(first)).isTrue();
        assertThat(changelog.append(ChangelogEvent.now(ChangelogEvent.TRANSLATION_ACCEPTED, "s", "en", 1, "a.md",
                Map.of(ChangelogEvent.SHA256, "bbb")))).as("the same input replayed").isFalse();
        assertThat(changelog.append(ChangelogEvent.now(ChangelogEvent.TRANSLATION_ACCEPTED, "s", "en", 1, "corrected.md",
                Map.of(ChangelogEvent.SHA256, "ccc")))).as("a corrected translation of the same version").isTrue();
        changelog.close();
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    /**
     * A version published again after its bundle was deleted by hand: its events are known once
     * per restoration, also where a line written before digests stands for the version.
     */
    @Test
    void theEventsOfAVersionPublishedAgainAreOncePerRestoration() throws Exception {
        Path file = temp.resolve("changelog.jsonl");
        Files.writeString(file, "{\"time\":\"2026-11-26T10:00:00Z\",\"event\":\"bundle.published\",\"slug\":\"s\",\"lang\":\"fr\","
                + "\"version\":1,\"file\":\"outbox/published/s/\",\"detail\":{\"languages\":[\"fr\"]}}\n");
        Changelog changelog = new Changelog(file);
        changelog.open();
        ChangelogEvent published = ChangelogEvent.bundlePublished("s", "fr", 1, List.of("fr"), "aaa");

        assertThat(changelog.recorded(published)).isTrue();
        assertThat(changelog.recorded(published.restored(1))).isFalse();
        assertThat(changelog.append(published.restored(1))).isTrue();
        assertThat(changelog.recorded(published.restored(1))).isTrue();
        assertThat(changelog.append(published.restored(1))).as("a retry of the same restoration").isFalse();
        assertThat(changelog.append(published.restored(2))).isTrue();
        assertThat(changelog.recorded(ChangelogEvent.now(ChangelogEvent.ARTICLE_UNCHANGED, "s", "fr", 1, "a.md", Map.of())))
                .as("an event that may happen again").isFalse();
        changelog.close();
        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(ChangelogDigest.render(List.of(published.restored(1))))
                .as("told from the first publication in CHANGELOG.md").contains("**bundle.published** `s` FR v1 (restored) — outbox/published/s/");
    }

    @Test
    void theDigestShowsTheWarningsOfAnAcceptedInputAndATranslationAcceptedOutdated() {
        ChangelogEvent accepted = ChangelogEvent.now(ChangelogEvent.ARTICLE_ACCEPTED, "s", "fr", 1, "a.md",
                Map.of("warnings", List.of("\\' is not a YAML escape (line 17)")));
        ChangelogEvent outdated = ChangelogEvent.now(ChangelogEvent.TRANSLATION_ACCEPTED, "s", "en", 1, "s-en.md",
                Map.of("status", "outdated"));
        ChangelogEvent current = ChangelogEvent.now(ChangelogEvent.TRANSLATION_ACCEPTED, "s", "en", 2, "s-en2.md",
                Map.of("status", "current"));

        assertThat(ChangelogDigest.render(List.of(accepted)))
                .contains("**article.accepted** `s` FR v1 — a.md: warnings [\\' is not a YAML escape (line 17)]\n");
        assertThat(ChangelogDigest.render(List.of(outdated))).contains("**translation.accepted** `s` EN v1 (outdated) — s-en.md\n");
        assertThat(ChangelogDigest.render(List.of(current))).contains("**translation.accepted** `s` EN v2 — s-en2.md\n");
    }

    /** A version that issued no draft in a language says why, in CHANGELOG.md as in the log line; and it happens once per version. */
    @Test
    void theDigestSaysWhyARequestWasKeptWithNoNewDraft() {
        ChangelogEvent kept = ChangelogEvent.translationRequestKept("s", "en", 2, 1, "outbox/translations/EN/s.md", "abc");

        assertThat(ChangelogDigest.render(List.of(kept))).contains("**translation.request-kept** `s` EN v2 — outbox/translations/EN/s.md"
                + ": no new draft: translatable text unchanged since v1, whose draft is still out\n");
        assertThat(kept.happensOnce()).isTrue();
        assertThat(kept.onceKey()).isEqualTo(ChangelogEvent.translationRequestKept("s", "en", 2, 1, "outbox/translations/EN/s.md", "abc")
                .onceKey());
    }

    /** A message that names a tag reads, once CHANGELOG.md is rendered, as written: not as an HTML tag the renderer swallows. */
    @Test
    void aTagNamedInAMessageIsShownAsWrittenWhenTheDigestIsRendered() {
        ChangelogEvent rejected = ChangelogEvent.now(ChangelogEvent.TRANSLATION_REJECTED, "s", "en", 1, "s.xlf",
                Map.of("errors", List.of("this unit has no translation (no <target>, or an empty one) (line 12)")));

        String digest = ChangelogDigest.render(List.of(rejected));
        String html = com.vladsch.flexmark.html.HtmlRenderer.builder().build()
                .render(com.vladsch.flexmark.parser.Parser.builder().build().parse(digest));

        assertThat(digest).contains("(no \\<target>, or an empty one)");
        assertThat(html).contains("(no &lt;target&gt;, or an empty one)");
    }

    @Test
    void theDigestAddsNewEventsOnTopAndCarriesEarlierEntriesOverWithoutReReadingThem() throws Exception {
        Path file = temp.resolve("changelog.jsonl");
        Path digestFile = temp.resolve("CHANGELOG.md");
        Changelog changelog = new Changelog(file);
        changelog.open();
        ChangelogDigest digest = new ChangelogDigest(changelog, digestFile);
        changelog.append(at("2026-11-26T23:59:00Z", "a", 1));
        changelog.append(at("2026-11-27T08:00:00Z", "b", 1));
        digest.refresh();
        // An edit to an earlier entry survives: it is copied over, not rendered again from the log.
        Files.writeString(digestFile, Files.readString(digestFile).replace("`a`", "`a (seen)`"));

        changelog.append(at("2026-11-27T09:00:00Z", "c", 1));
        changelog.append(at("2026-11-28T10:00:00Z", "d", 2));
        digest.refresh();
        changelog.close();

        assertThat(Files.readString(digestFile)).isEqualTo(ChangelogDigest.HEADER
                + "<!-- covers changelog.jsonl up to byte " + Files.size(file) + " -->\n"
                + "\n## 2026-11-28\n\n- 10:00:00 **article.accepted** `d` FR v2 — d.md\n"
                + "\n## 2026-11-27\n\n- 09:00:00 **article.accepted** `c` FR v1 — c.md\n"
                + "- 08:00:00 **article.accepted** `b` FR v1 — b.md\n"
                + "\n## 2026-11-26\n\n- 23:59:00 **article.accepted** `a (seen)` FR v1 — a.md\n");
    }

    /** CHANGELOG.md is a view of the log: a rebuild that cannot be written is tried again later, without an exception. */
    @Test
    void aDigestThatCannotBeWrittenIsWrittenAtTheNextRebuildOnceItCanBe() throws Exception {
        Path file = temp.resolve("changelog.jsonl");
        Path digestFile = temp.resolve("CHANGELOG.md");
        Files.createDirectories(digestFile.resolve("in-the-way"));
        Changelog changelog = new Changelog(file);
        changelog.open();
        ChangelogDigest digest = new ChangelogDigest(changelog, digestFile);
        changelog.append(at("2026-11-27T08:00:00Z", "b", 1));

        digest.refresh();
        assertThat(digestFile).isDirectory();
        Files.delete(digestFile.resolve("in-the-way"));
        Files.delete(digestFile);
        digest.refresh();
        changelog.close();

        assertThat(Files.readString(digestFile)).endsWith("- 08:00:00 **article.accepted** `b` FR v1 — b.md\n");
    }

    @Test
    void aDigestWithoutItsMarkIsRebuiltFromTheWholeLog() throws Exception {
        Path file = temp.resolve("changelog.jsonl");
        Path digestFile = temp.resolve("CHANGELOG.md");
        Files.writeString(digestFile, "# Changelog\n\nwritten by an older version\n");
        Changelog changelog = new Changelog(file);
        changelog.open();
        changelog.append(at("2026-11-27T08:00:00Z", "b", 1));

        new ChangelogDigest(changelog, digestFile).refresh();
        changelog.close();

        assertThat(Files.readString(digestFile)).doesNotContain("older version")
                .endsWith("\n## 2026-11-27\n\n- 08:00:00 **article.accepted** `b` FR v1 — b.md\n");
    }

    /**
     * The look at the end of the log for an input replayed after a crash: lines read backwards
     * across chunks (one longer than a chunk, the first line of the file too), a line being
     * appended skipped, and no further back than the first line well before the time asked.
     */
    @Test
    void recordedSinceReadsTheEndOfTheLogBackwardsAcrossChunks() throws Exception {
        Path file = temp.resolve("changelog.jsonl");
        Changelog changelog = new Changelog(file);
        changelog.open();
        Instant start = Instant.parse("2026-11-27T08:00:00Z");
        changelog.append(rejected(start, "first.md", "x"));
        changelog.append(rejected(start.plusSeconds(1), "long.md", "y".repeat(3 * Changelog.TAIL_CHUNK)));
        changelog.close();
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            more.append("{\"time\":\"").append(start.plusSeconds(2 + i)).append("\",\"event\":\"article.accepted\",\"slug\":\"s")
                    .append(i).append("\",\"lang\":\"fr\",\"version\":1,\"file\":\"s").append(i).append(".md\",\"detail\":{}}\n");
        }
        // Ending with a line being appended.
        Files.writeString(file, more + "{\"time\":\"2026-", StandardOpenOption.APPEND);
        assertThat(Files.size(file)).isGreaterThan(5L * Changelog.TAIL_CHUNK);

        assertThat(changelog.recordedSince(start, e -> e.file().equals("first.md"))).as("the first line").isTrue();
        assertThat(changelog.recordedSince(start, e -> e.file().equals("long.md"))).as("a line longer than a chunk").isTrue();
        assertThat(changelog.recordedSince(start.plusSeconds(1), e -> e.file().equals("first.md")))
                .as("written before the time asked").isFalse();
        assertThat(changelog.recordedSince(start, e -> e.file().equals("s1999.md"))).as("the last whole line").isTrue();
        assertThat(changelog.recordedSince(start, e -> e.file().equals("none.md"))).isFalse();

        // Asked about a time long after every line: the first line read is too old, and reading stops there.
        List<String> seen = new ArrayList<>();
        assertThat(changelog.recordedSince(start.plus(Changelog.OUT_OF_ORDER).plusSeconds(3_000),
                e -> seen.add(e.file()) && false)).isFalse();
        assertThat(seen).isEmpty();
        assertThat(new Changelog(temp.resolve("none.jsonl")).recordedSince(start, e -> true)).isFalse();
    }

    private static ChangelogEvent rejected(Instant time, String file, String error) {
        return new ChangelogEvent(time, ChangelogEvent.ARTICLE_REJECTED, null, null, null, file,
                Map.of("errors", List.of(error), "report", "outbox/rejected/" + file + ".errors.json"));
    }

    /**
     * A log deleted or moved away while the pipeline runs starts again under its name: the open
     * channel used to append every later event to the moved file, or to the deleted one. The
     * digest starts over with it, also when the new log has grown past the byte it covered of
     * the old one (it went on reading the new file from there, in the middle of a line).
     */
    @Test
    void aLogMovedAwayOrDeletedStartsAgainUnderItsNameAndTheDigestWithIt() throws Exception {
        Path file = temp.resolve("changelog.jsonl");
        Path digestFile = temp.resolve("CHANGELOG.md");
        Changelog changelog = new Changelog(file);
        changelog.open();
        ChangelogDigest digest = new ChangelogDigest(changelog, digestFile);
        assertThat(changelog.append(at("2026-11-28T10:00:00Z", "a", 1))).isTrue();
        digest.refresh();
        Path rotated = temp.resolve("changelog.jsonl.1");
        Files.move(file, rotated);

        assertThat(changelog.append(at("2026-11-28T10:01:00Z", "bien-plus-long-que-le-premier", 1))).isTrue();
        assertThat(changelog.append(at("2026-11-28T10:02:00Z", "c", 1))).isTrue();
        assertThat(Files.readAllLines(rotated)).hasSize(1);
        assertThat(Files.readAllLines(file)).hasSize(2).allMatch(line -> !line.contains("\"a\""));
        assertThat(Files.size(file)).as("grown past what the digest covered").isGreaterThan(Files.size(rotated));
        digest.refresh();
        assertThat(Files.readString(digestFile)).contains("`bien-plus-long-que-le-premier`", "`c`").doesNotContain("`a`")
                .contains("up to byte " + Files.size(file) + " ");

        Files.delete(file);
        assertThat(changelog.append(at("2026-11-28T10:03:00Z", "d", 1))).isTrue();
        changelog.close();
        assertThat(Files.readAllLines(file)).singleElement().asString().contains("\"d\"");
    }

    private static ChangelogEvent at(String time, String slug, int version) {
        return new ChangelogEvent(java.time.Instant.parse(time), ChangelogEvent.ARTICLE_ACCEPTED, slug, "fr", version,
                slug + ".md", Map.of());
    }
}
