package io.contentpipeline.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Published bundles on disk. A bundle is assembled in outbox/.staging and swapped into
 * outbox/published/&lt;slug&gt; by renames, so readers see the old bundle or the new one whole.
 * Updates of one slug are serialised by a lock stripe; different slugs proceed in parallel.
 */
public final class BundleStore {

    public static final String MANIFEST = "bundle.json";
    private static final Logger LOG = LoggerFactory.getLogger(BundleStore.class);
    private static final String NEW_MARK = ".new.";
    private static final String OLD_MARK = ".old.";

    private final HomeLayout layout;
    private final ReentrantLock[] stripes = new ReentrantLock[256];
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public BundleStore(HomeLayout layout) {
        this.layout = layout;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs an update of one slug's bundle while no other update of that slug runs. */
    public <T> T locked(String slug, Callable<T> update) throws Exception {
        ReentrantLock lock = stripes[Math.floorMod(slug.hashCode(), stripes.length)];
        lock.lock();
        try {
            return update.call();
        } finally {
            lock.unlock();
        }
    }

    public Optional<BundleManifest> manifest(String slug) throws IOException {
        Path file = layout.bundle(slug).resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(file.toFile(), BundleManifest.class));
    }

    public Optional<String> readFile(String slug, String name) throws IOException {
        Path file = layout.bundle(slug).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }

    public boolean exists(String slug) {
        return Files.isRegularFile(layout.bundle(slug).resolve(MANIFEST));
    }

    /** Writes a whole bundle (file name → bytes, manifest last) and swaps it into place. */
    public void replace(BundleManifest manifest, Map<String, byte[]> files) throws IOException {
        String slug = manifest.slug();
        Path staging = layout.staging().resolve(slug + NEW_MARK + UUID.randomUUID());
        Files.createDirectories(staging);
        try {
            // Nobody reads the staging folder: its files are written directly, and the folder's rename publishes them.
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                AtomicFiles.writeUnpublished(staging.resolve(file.getKey()), file.getValue());
            }
            AtomicFiles.writeUnpublished(staging.resolve(MANIFEST), json.writeValueAsBytes(manifest));
            AtomicFiles.forceFolder(staging);
            swap(slug, staging);
        } finally {
            AtomicFiles.deleteTree(staging);
        }
    }

    private void swap(String slug, Path staging) throws IOException {
        Path target = layout.bundle(slug);
        Files.createDirectories(target.getParent());
        Path old = null;
        if (Files.exists(target)) {
            old = layout.staging().resolve(slug + OLD_MARK + UUID.randomUUID());
            Files.move(target, old);
        }
        AtomicFiles.moveIntoPlace(staging, target);
        if (old != null) {
            AtomicFiles.deleteTree(old);
        }
    }

    /** The slugs of every published bundle, sorted. */
    public List<String> slugs() throws IOException {
        List<String> slugs = new ArrayList<>();
        if (Files.isDirectory(layout.published())) {
            try (DirectoryStream<Path> bundles = Files.newDirectoryStream(layout.published(), Files::isDirectory)) {
                for (Path bundle : bundles) {
                    if (Files.isRegularFile(bundle.resolve(MANIFEST))) {
                        slugs.add(bundle.getFileName().toString());
                    }
                }
            }
        }
        Collections.sort(slugs);
        return slugs;
    }

    /** Calls back with every published bundle's manifest, one at a time (start-up indexes). */
    public void forEachManifest(java.util.function.Consumer<BundleManifest> action) throws IOException {
        if (!Files.isDirectory(layout.published())) {
            return;
        }
        try (DirectoryStream<Path> bundles = Files.newDirectoryStream(layout.published(), Files::isDirectory)) {
            for (Path bundle : bundles) {
                manifest(bundle.getFileName().toString()).ifPresent(action);
            }
        }
    }

    /** Rewrites bundle.json alone (its files unchanged), atomically: for state that is not content. */
    public void replaceManifest(BundleManifest manifest) throws IOException {
        AtomicFiles.write(layout.bundle(manifest.slug()).resolve(MANIFEST), json.writeValueAsBytes(manifest), layout.staging());
    }

    /**
     * After a crash: temporary files of interrupted writes are removed wherever the pipeline
     * writes (the outbox root holds CHANGELOG.md's, the return folders those of pseudo-translated
     * returns); a bundle moved aside but not replaced goes back into place; every other staging
     * folder is an unfinished write and is removed.
     */
    public void recover() throws IOException {
        int temporaries = AtomicFiles.sweepTemporaries(layout.outbox(), 1) + AtomicFiles.sweepTemporaries(layout.published())
                + AtomicFiles.sweepTemporaries(layout.allDrafts()) + AtomicFiles.sweepTemporaries(layout.allSources())
                + AtomicFiles.sweepTemporaries(layout.rejected()) + AtomicFiles.sweepTemporaries(layout.archive(), 2)
                + AtomicFiles.sweepTemporaries(layout.returnsInbox(), 2);
        if (temporaries > 0) {
            LOG.warn("outbox.recovered {} temporary file(s) left by an interrupted write were removed", temporaries);
        }
        Path staging = layout.staging();
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                int old = name.indexOf(OLD_MARK);
                if (old > 0 && !Files.exists(layout.bundle(name.substring(0, old)))) {
                    Files.move(entry, layout.bundle(name.substring(0, old)));
                    LOG.warn("bundle.recovered slug={} (restored after an interrupted publish)", name.substring(0, old));
                } else {
                    AtomicFiles.deleteTree(entry);
                }
            }
        }
    }

    public ObjectMapper json() {
        return json;
    }
}
