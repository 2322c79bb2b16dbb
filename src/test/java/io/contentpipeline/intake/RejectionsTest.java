package io.contentpipeline.intake;

import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.files.FileNames;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.status.PipelineCounts;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Names of rejected copies: a later copy keeps the extension the inbox folders take; a report left alone is taken over. */
class RejectionsTest {

    private final CamelContext camel = new DefaultCamelContext();

    @TempDir
    Path temp;

    @Test
    void theNumberOfALaterCopyGoesBeforeTheExtension() {
        assertThat(Rejections.copyName("cmo.md", 1)).isEqualTo("cmo.md");
        assertThat(Rejections.copyName("cmo.md", 2)).isEqualTo("cmo.2.md");
        assertThat(Rejections.copyName("role.fr.xlf", 3)).isEqualTo("role.fr.3.xlf");
        assertThat(Rejections.copyName("notes", 2)).isEqualTo("notes.2");
    }

    @Test
    void aLongNameNumberedStillFitsWithItsReport() {
        String name = "é".repeat(125) + ".md";
        String copy = Rejections.copyName(name, 12);
        assertThat(copy).endsWith(".12.md");
        assertThat(FileNames.utf8Length(copy + ".errors.json")).isLessThanOrEqualTo(FileNames.MAX_BYTES);
    }

    /**
     * Two files of one name rejected at once in this process keep their names apart although
     * neither copy is beside its report yet; a report this process left alone once its exchange
     * was done (the input not moved) is taken over by the next rejection of that input, whose
     * event, already in the changelog, is not given again.
     */
    @Test
    void reservationsOfThisProcessAreKeptApartAndAReportLeftAloneIsTakenOver() throws Exception {
        HomeLayout layout = new HomeLayout(temp);
        List<ChangelogEvent> logged = new ArrayList<>();
        Rejections rejections = new Rejections(layout, new PipelineCounts(), exchange -> false,
                (since, match) -> logged.stream().anyMatch(e -> !e.time().isBefore(since) && match.test(e)),
                (name, language) -> Optional.empty());
        Files.createDirectories(layout.returnsInbox("EN"));
        Path article = Files.writeString(layout.inbox().resolve("cmo.md"), "---\ntitle: x\n---\n");
        Path translation = Files.writeString(layout.returnsInbox("EN").resolve("cmo.md"), "---\ntitle: y\n---\n");

        Exchange first = exchange(article);
        Rejection firstRejection = rejections.rejected(first, "article");
        Exchange second = exchange(translation);
        rejections.rejected(second, "translation");
        assertThat(moveTo(first)).isEqualTo(layout.rejected().resolve("cmo.md"));
        assertThat(moveTo(second)).as("the first one's copy is not there yet").isEqualTo(layout.rejected().resolve("cmo.2.md"));
        logged.addAll(firstRejection.events());

        // The first exchange ends without its file moved (the process would have died here).
        done(first);
        Exchange again = exchange(article);
        Rejection replayed = rejections.rejected(again, "article");
        assertThat(moveTo(again)).isEqualTo(layout.rejected().resolve("cmo.md"));
        assertThat(replayed.events()).as("in the changelog already").isEmpty();

        // The second one's reservation is still held: another file of the name gets the next number.
        Path third = Files.writeString(Files.createDirectories(layout.returnsInbox("ES")).resolve("cmo.md"), "---\ntitle: zz\n---\n");
        Exchange other = exchange(third);
        Rejection otherRejection = rejections.rejected(other, "article");
        assertThat(moveTo(other)).isEqualTo(layout.rejected().resolve("cmo.3.md"));
        assertThat(otherRejection.events()).hasSize(1);
    }

    private Exchange exchange(Path file) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(Exchange.FILE_PATH, file.toString());
        exchange.getMessage().setHeader(Exchange.FILE_LENGTH, Files.size(file));
        exchange.getMessage().setHeader(Exchange.FILE_LAST_MODIFIED, Files.getLastModifiedTime(file).toMillis());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new RejectedInputException(
                Problem.error("title", "title", "title is missing", null)));
        return exchange;
    }

    private static Path moveTo(Exchange exchange) {
        return Path.of(exchange.getMessage().getHeader(InboxFiles.MOVE_TO, String.class));
    }

    private static void done(Exchange exchange) {
        exchange.getExchangeExtension().handoverCompletions().forEach(completion -> completion.onComplete(exchange));
    }
}
