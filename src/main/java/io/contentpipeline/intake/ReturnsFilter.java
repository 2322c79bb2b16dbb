package io.contentpipeline.intake;

import io.contentpipeline.article.SourceFile;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.status.TransientFailures;
import io.contentpipeline.translate.TranslationBlock;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds back a returned translation whose source article is not published yet (a
 * translator may return it before the author's article has gone through), instead of
 * rejecting it. After {@code pipeline.returns.source-wait} it is let through, and the
 * returns route rejects it for its unknown source. Unreadable files are let through at
 * once so the route reports what is wrong with them.
 */
public final class ReturnsFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(ReturnsFilter.class);

    private final ArticleParser parser;
    private final BundleStore bundles;
    private final Duration maxWait;
    private final Clock clock;
    private final Map<Path, Waiting> waiting = new ConcurrentHashMap<>();

    private final TransientFailures transientFailures;

    public ReturnsFilter(ArticleParser parser, BundleStore bundles, Duration maxWait, Clock clock, TransientFailures transientFailures) {
        this.transientFailures = transientFailures;
        this.parser = parser;
        this.bundles = bundles;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        return file.isDirectory() || transientFailures.accept(file) && isReady(file.getFile().toPath());
    }

    /** True when the file can be processed now; logs once when it starts waiting. */
    public boolean isReady(Path path) {
        Optional<Waiting> held = heldBack(path);
        if (held.isEmpty() || Duration.between(held.get().since(), clock.instant()).compareTo(maxWait) >= 0) {
            waiting.remove(path);
            return true;
        }
        return false;
    }

    /**
     * The file's wait when the source it names is not published yet; empty when it can go
     * ahead. A waiting file is read once: while it is unchanged, only its source is looked up
     * again at each poll.
     */
    private Optional<Waiting> heldBack(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Waiting known = waiting.get(path);
            Optional<TranslationBlock.Named> named = known != null && known.isUnchanged(attributes) ? Optional.of(known.named())
                    : namedSource(path);
            if (named.isEmpty() || bundles.exists(named.get().source())) {
                return Optional.empty();
            }
            Instant since = known != null ? known.since() : clock.instant();
            if (known == null) {
                LOG.info("translation.waiting slug={} lang={} version={} file={}: its source is not published yet; it waits up to {}",
                        named.get().source(), orDash(named.get().targetLanguage()), orDash(named.get().sourceVersion()),
                        path.getFileName(), maxWait);
            }
            Waiting held = new Waiting(attributes.size(), attributes.lastModifiedTime(), named.get(), since);
            waiting.put(path, held);
            return Optional.of(held);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<TranslationBlock.Named> namedSource(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        var parsed = parser.parse(new SourceFile(path.getFileName().toString(), path, bytes, null));
        return TranslationBlock.peek(parsed.frontMatter());
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    /** A file held back: the size and time it had when it was read, the source it names, and since when it waits. */
    private record Waiting(long size, FileTime modified, TranslationBlock.Named named, Instant since) {
        boolean isUnchanged(BasicFileAttributes attributes) {
            return size == attributes.size() && modified.equals(attributes.lastModifiedTime());
        }
    }
}
