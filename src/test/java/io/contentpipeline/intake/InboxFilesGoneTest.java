package io.contentpipeline.intake;

import io.contentpipeline.files.HomeLayout;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read of an input whose file is gone (moved or deleted since the poll, or the home moved
 * away): no rejection ("a special file, not a file", as it was), no transient failure, but
 * InputGoneException, which both intake routes end on, and the exchange marked so that the
 * file consumer moves nothing. A file still there but of another kind is still not-a-file.
 */
class InboxFilesGoneTest {

    @TempDir
    Path temp;

    @Test
    void anArticleOrAReturnGoneBeforeItIsReadIsNeitherRejectedNorRetried() throws Exception {
        HomeLayout layout = new HomeLayout(temp);
        InboxFiles files = new InboxFiles(layout, 1000, 2000, 6000);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (String kind : new String[] {"articles", "translations"}) {
                Exchange exchange = new DefaultExchange(context);
                Path gone = (kind.equals("articles") ? layout.inbox() : layout.returnsInbox().resolve("EN")).resolve("parti.md");
                exchange.getMessage().setHeader(Exchange.FILE_PATH, gone.toString());

                assertThatThrownBy(() -> files.read(exchange, kind)).isInstanceOf(InputGoneException.class)
                        .hasMessage("parti.md was taken out of the inbox before it was read");
                assertThat(InboxFiles.goneUnread(exchange)).isTrue();
            }
        }
    }

    @Test
    void aFolderUnderTheNameIsStillNotAFile() throws Exception {
        HomeLayout layout = new HomeLayout(temp);
        Path folder = Files.createDirectories(layout.inbox().resolve("dossier.md"));
        InboxFiles files = new InboxFiles(layout, 1000, 2000, 6000);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(Exchange.FILE_PATH, folder.toString());

            assertThatThrownBy(() -> files.read(exchange, "articles"))
                    .isInstanceOf(io.contentpipeline.article.RejectedInputException.class);
            assertThat(InboxFiles.goneUnread(exchange)).isFalse();
        }
    }
}
