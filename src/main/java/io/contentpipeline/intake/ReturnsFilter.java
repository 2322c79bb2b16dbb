package io.contentpipeline.intake;

import io.contentpipeline.article.SourceFile;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.status.ShortDuration;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds back a returned translation whose source article is not published yet (a
 * translator may return it before the author's article has gone through), instead of
 * rejecting it. Once {@code pipeline.returns.source-wait} has passed since the file was last
 * modified it is let through, and the returns route rejects it for its unknown source.
 * The wait is measured from the file's modification time, not from when this process first
 * saw it, so that it holds across restarts and across --once runs (a cron of --once used to
 * find every return new, and never rejected one naming a mistyped slug). Unreadable files
 * are let through at once so the route reports what is wrong with them.
 */
public final class ReturnsFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(ReturnsFilter.class);

    private final HomeLayout layout;
    private final ArticleParser parser;
    private final BundleStore bundles;
    private final Duration maxWait;
    private final Clock clock;
    private final Map<Path, Waiting> waiting = new ConcurrentHashMap<>();

    private final TransientFailures transientFailures;

    public ReturnsFilter(HomeLayout layout, ArticleParser parser, BundleStore bundles, Duration maxWait, Clock clock,
                         TransientFailures transientFailures) {
        this.layout = layout;
        this.transientFailures = transientFailures;
        this.parser = parser;
        this.bundles = bundles;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** A return held back: the file, what its block names, and when it will be let through to be rejected. */
    public record Held(Path file, String slug, String language, String version, Instant rejectedFrom) {
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return isFollowed(file.getFile().toPath());
        }
        return transientFailures.accept(file) && isReady(file.getFile().toPath());
    }

    /**
     * Whether the returns consumer (and the count of pending work) looks into this folder.
     * Every folder under inbox/translations/ is looked into, so that a file dropped outside a
     * language folder is taken and rejected for its place rather than left there silently;
     * hidden ones are skipped (by Camel too), and so is a symbolic link inside a language
     * folder: links are not followed (a language folder itself may be one, as it could before).
     */
    public boolean isFollowed(Path folder) {
        Path path = folder.toAbsolutePath().normalize();
        if (path.getFileName() != null && path.getFileName().toString().startsWith(".")) {
            return false;
        }
        return !Files.isSymbolicLink(path) || layout.returnsInbox().equals(path.getParent());
    }

    /** True when the file can be processed now; logs once when it starts waiting. */
    public boolean isReady(Path file) {
        Path path = file.toAbsolutePath().normalize();
        Optional<Waiting> held = heldBack(path);
        if (held.isEmpty() || !clock.instant().isBefore(held.get().rejectedFrom(maxWait))) {
            waiting.remove(path);
            return true;
        }
        return false;
    }

    /** The returns held back now, oldest first; a file gone since is forgotten. */
    public List<Held> waiting() {
        Instant now = clock.instant();
        List<Held> held = new ArrayList<>();
        waiting.forEach((path, wait) -> {
            if (!Files.exists(path)) {
                waiting.remove(path, wait);
            } else if (now.isBefore(wait.rejectedFrom(maxWait))) {
                held.add(new Held(path, wait.named().source(), wait.named().targetLanguage(), wait.named().sourceVersion(),
                        wait.rejectedFrom(maxWait)));
            }
        });
        held.sort(Comparator.comparing(Held::rejectedFrom));
        return held;
    }

    /**
     * The end of a --once run: one WARN line per return still held back, naming the file, what
     * it translates and when a later run will reject it, so that a run that leaves one is not
     * taken for a run that did everything.
     */
    public void reportWaiting() {
        Instant now = clock.instant();
        for (Held held : waiting()) {
            LOG.warn("translation.still-waiting slug={} lang={} version={} file={}: no published article has this slug;"
                            + " the file stays in {} and is rejected from {} (in {}, pipeline.returns.source-wait {} after its last change)"
                            + " unless the article is published first",
                    held.slug(), orDash(held.language()), orDash(held.version()), held.file().getFileName(),
                    "inbox/translations/" + held.file().getParent().getFileName() + "/", held.rejectedFrom().truncatedTo(ChronoUnit.SECONDS),
                    ShortDuration.of(Duration.between(now, held.rejectedFrom())), maxWait);
        }
    }

    /**
     * The file's wait when the source it names is not published yet; empty when it can go
     * ahead. A waiting file is read once: while it is unchanged, only its source is looked up
     * again at each poll.
     */
    private Optional<Waiting> heldBack(Path path) {
        if (layout.returnsFolderOf(path).isEmpty()) {
            // Outside a language folder: rejected for its place at once, whatever it names.
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Waiting known = waiting.get(path);
            boolean unchanged = known != null && known.isUnchanged(attributes);
            Optional<TranslationBlock.Named> named = unchanged ? Optional.of(known.named()) : namedSource(path);
            if (named.isEmpty() || bundles.exists(named.get().source())) {
                return Optional.empty();
            }
            Waiting held = new Waiting(attributes.size(), attributes.lastModifiedTime(), named.get());
            Instant rejectedFrom = held.rejectedFrom(maxWait);
            if (!unchanged && clock.instant().isBefore(rejectedFrom)) {
                LOG.info("translation.waiting slug={} lang={} version={} file={}: its source is not published yet; it waits up to {}"
                                + " after the file's last change, until {} (in {}), then it is rejected",
                        named.get().source(), orDash(named.get().targetLanguage()), orDash(named.get().sourceVersion()),
                        path.getFileName(), maxWait, rejectedFrom.truncatedTo(ChronoUnit.SECONDS),
                        ShortDuration.of(Duration.between(clock.instant(), rejectedFrom)));
            }
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

    /** A file held back: the size and modification time it had when it was read, and what its block names. */
    private record Waiting(long size, FileTime modified, TranslationBlock.Named named) {
        boolean isUnchanged(BasicFileAttributes attributes) {
            return size == attributes.size() && modified.equals(attributes.lastModifiedTime());
        }

        /** The wait runs from the file's last change, so that it survives restarts and spans --once runs. */
        Instant rejectedFrom(Duration maxWait) {
            return modified.toInstant().plus(maxWait);
        }
    }
}
