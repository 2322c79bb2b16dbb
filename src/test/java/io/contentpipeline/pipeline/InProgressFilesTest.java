package io.contentpipeline.pipeline;

import io.contentpipeline.intake.InProgressFiles;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both inbox consumers keep their files in progress in {@link InProgressFiles}: a file is in
 * it while the route works on it and leaves it at its commit, so the set holds no name of an
 * input already handled (Camel's default repository kept every name it had seen).
 */
class InProgressFilesTest {

    private static final List<String> ARTICLES = List.of("cds-accelerator-launch", "cds-assessing-training-needs",
            "cds-blog-cds-dto");

    @TempDir
    Path temp;

    @AfterEach
    void clearHook() {
        StageHook.clear();
    }

    @Test
    void articlesAndReturnsAreInProgressWhileWorkedOnAndForgottenOnceCommitted() {
        PipelineHome home = new PipelineHome(temp, StageHook.SETTING);
        home.publishSeed("seed.txt");
        ARTICLES.forEach(name -> home.dropResource("corpus/pairs/" + name + "/en.md", name + ".md"));
        home.drop("inbox/translations/EN/returned.md", Translator.englishSeedReturn(home));
        List<Sighting> articles = new CopyOnWriteArrayList<>();
        List<Sighting> returns = new CopyOnWriteArrayList<>();
        StageHook.before("direct:derive-metadata", exchange -> articles.add(Sighting.of(exchange, "inboxInProgress")));
        StageHook.before("direct:publish-translation", exchange -> returns.add(Sighting.of(exchange, "returnsInProgress")));

        assertThat(home.runOnce()).isZero();

        assertThat(articles).hasSize(ARTICLES.size()).allSatisfy(Sighting::assertInProgress);
        assertThat(returns).hasSize(1).allSatisfy(Sighting::assertInProgress);
        assertThat(articles.get(0).repository.size()).isZero();
        assertThat(returns.get(0).repository.size()).isZero();
        assertThat(home.files("inbox")).isEmpty();
    }

    /** What a worker saw of its consumer's in-progress repository while it worked on a file. */
    private record Sighting(String file, InProgressFiles repository, Object endpointRepository, boolean inProgress) {

        static Sighting of(Exchange exchange, String bean) {
            InProgressFiles repository = exchange.getContext().getRegistry().lookupByNameAndType(bean, InProgressFiles.class);
            String file = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
            Object used = ((GenericFileEndpoint<?>) exchange.getFromEndpoint()).getInProgressRepository();
            return new Sighting(file, repository, used, repository.contains(Path.of(file).toAbsolutePath().toString()));
        }

        void assertInProgress() {
            assertThat(endpointRepository).as("the repository of the consumer that took %s", file).isSameAs(repository);
            assertThat(inProgress).as("%s in progress while worked on", file).isTrue();
        }
    }
}
