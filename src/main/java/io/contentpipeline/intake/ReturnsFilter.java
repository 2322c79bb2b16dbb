package io.contentpipeline.intake;

import io.contentpipeline.article.SourceFile;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.slug.Slugs;
import io.contentpipeline.status.ShortDuration;
import io.contentpipeline.status.TransientFailures;
import io.contentpipeline.translate.TranslationBlock;
import io.contentpipeline.translate.XliffMerge;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * translator may return it before the author's article has gone through), or whose source
 * version is not (a draft is written before its version is published, and a return that
 * comes back at once, a pseudo-translation or a translation tool's, can overtake it), instead
 * of rejecting it. Once {@code pipeline.returns.source-wait} has passed since the file was last
 * modified it is let through, and the returns route rejects it for its unknown source or version.
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
    private final InboxFiles inputs;

    /** @param inputs what the intake reads: a file it rejects unread is not read here either */
    public ReturnsFilter(HomeLayout layout, ArticleParser parser, BundleStore bundles, Duration maxWait, Clock clock,
                         TransientFailures transientFailures, InboxFiles inputs) {
        this.layout = layout;
        this.transientFailures = transientFailures;
        this.inputs = inputs;
        this.parser = parser;
        this.bundles = bundles;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /**
     * A return held back: the file, what its block names, the version of that source published
     * (0 when none is), and when it will be let through to be rejected.
     */
    public record Held(Path file, String slug, String language, String version, int publishedVersion, Instant rejectedFrom) {
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
                        wait.publishedVersion(), wait.rejectedFrom(maxWait)));
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
            LOG.warn("translation.still-waiting slug={} lang={} version={} file={}: {};"
                            + " the file stays in {} and is rejected from {} (in {}, pipeline.returns.source-wait {} after its last change)"
                            + " unless the article is published first",
                    held.slug(), orDash(held.language()), orDash(held.version()), held.file().getFileName(),
                    held.publishedVersion() == 0 ? "no published article has this slug" + closestPublished(held.slug())
                            : "version " + held.version() + " of this article is not published yet",
                    "inbox/translations/" + held.file().getParent().getFileName() + "/", held.rejectedFrom().truncatedTo(ChronoUnit.SECONDS),
                    ShortDuration.of(Duration.between(now, held.rejectedFrom())), maxWait);
        }
    }

    /**
     * The file's wait when the source version it names is not published yet; empty when it can
     * go ahead. A waiting file is read once: while it is unchanged, only its source is looked up
     * again at each poll.
     */
    private Optional<Waiting> heldBack(Path path) {
        if (layout.returnsFolderOf(path).isEmpty()) {
            // Outside a language folder: rejected for its place at once, whatever it names.
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (inputs.rejectedUnread(path, attributes)) {
                // Rejected unread by the intake (a link, a named pipe, a file over the limit). Read
                // here, a named pipe held the poll forever, waiting for a writer, and a file larger
                // than the heap threw an OutOfMemoryError out of every poll.
                return Optional.empty();
            }
            Waiting known = waiting.get(path);
            boolean unchanged = known != null && known.isUnchanged(attributes);
            Optional<TranslationBlock.Named> named = unchanged ? Optional.of(known.named()) : namedSource(path);
            if (named.isEmpty()) {
                return Optional.empty();
            }
            int published = publishedVersion(named.get().source());
            if (published > 0 && !isAfter(named.get().sourceVersion(), published)) {
                return Optional.empty();
            }
            Waiting held = new Waiting(attributes.size(), attributes.lastModifiedTime(), named.get(), published);
            Instant rejectedFrom = held.rejectedFrom(maxWait);
            // The consumer and the --once idle check may read a new file at the same time: only the
            // first to record it logs it (both did, since they looked before either had recorded it).
            Waiting previous = waiting.put(path, held);
            boolean first = previous == null || !previous.isUnchanged(attributes);
            if (first && clock.instant().isBefore(rejectedFrom)) {
                LOG.info("translation.waiting slug={} lang={} version={} file={}: {}; it waits up to {}"
                                + " after the file's last change, until {} (in {}), then it is rejected",
                        named.get().source(), orDash(named.get().targetLanguage()), orDash(named.get().sourceVersion()),
                        path.getFileName(), published == 0 ? "its source is not published yet" + closestPublished(named.get().source())
                                : "version " + named.get().sourceVersion()
                                + " of its source is not published yet (published: version " + published + ")",
                        maxWait, rejectedFrom.truncatedTo(ChronoUnit.SECONDS),
                        ShortDuration.of(Duration.between(clock.instant(), rejectedFrom)));
            }
            return Optional.of(held);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * " (did you mean 'role-cmo-pme'?)" when a published slug is a slip away from the one named:
     * a mistyped source waits the whole of pipeline.returns.source-wait, and the translator should
     * not learn only then what the rejection would have said at once.
     */
    private String closestPublished(String slug) {
        try {
            return Slugs.closest(slug, bundles.slugs()).map(known -> " (did you mean '" + known + "'?)").orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The version of the slug published, 0 when none is. */
    private int publishedVersion(String slug) throws IOException {
        return bundles.exists(slug) ? bundles.manifest(slug).map(BundleManifest::version).orElse(0) : 0;
    }

    /** Whether a block's source_version is a version after {@code published}; one that is no number is not (the checks reject it). */
    private static boolean isAfter(String version, int published) {
        try {
            return version != null && Integer.parseInt(version) > published;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * What the return names: a Markdown file by its translation: block, an XLIFF file by its
     * metadata. (An XLIFF file used to be read as Markdown too, which it never is: it was let
     * through at once, and rejected as naming a version that is not known while its article
     * was still on its way.)
     */
    private Optional<TranslationBlock.Named> namedSource(Path path) throws IOException {
        String name = path.getFileName().toString();
        if (XliffMerge.isXliff(name)) {
            // Its metadata only, streamed: a filled XLIFF file of up to 30 MB read as a tree here
            // took about 300 MB of heap, outside the workers' memory budget.
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
                return XliffMerge.names(in);
            }
        }
        byte[] bytes = Files.readAllBytes(path);
        var parsed = parser.parse(new SourceFile(name, path, bytes, null));
        return TranslationBlock.peek(parsed.frontMatter());
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    /**
     * A file held back: the size and modification time it had when it was read, what its block
     * names, and the version of that source published then (0 when none was).
     */
    private record Waiting(long size, FileTime modified, TranslationBlock.Named named, int publishedVersion) {
        boolean isUnchanged(BasicFileAttributes attributes) {
            return size == attributes.size() && modified.equals(attributes.lastModifiedTime());
        }

        /** The wait runs from the file's last change, so that it survives restarts and spans --once runs. */
        Instant rejectedFrom(Duration maxWait) {
            return modified.toInstant().plus(maxWait);
        }
    }
}
