package io.contentpipeline.intake;

import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.status.TransientFailures;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;
import org.apache.camel.component.file.strategy.FileProcessStrategyFactory;
import org.apache.camel.component.file.strategy.GenericFileExpressionRenamer;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The inbox consumers' {@code processStrategy}: an input leaves the inbox only as the bytes the
 * pipeline processed.
 * <p>
 * Camel's own strategy moves, when the exchange is done, whatever file is at the input's path
 * then. An author who saves the article again while the pipeline works on it (a copy over it,
 * or a hidden file renamed over it, as the README recommends) had the newer file moved to the
 * archive under the older one's name and time: the newer version was never published, and
 * nothing said so. Here the move checks that the file at the path is still the one read
 * ({@link FileIdentity}: the inode, size and modification time {@link InboxFiles#read} saw, or
 * the size and time Camel reported when it took the file if the exchange never read it):
 * <ul>
 * <li>the same file: it is renamed to its target (archive/ or rejected/), then the file that
 * arrived there is checked again, since a newer one can still be saved between the check and
 * the rename. If it is the newer one, it goes back into the inbox (under its name, or under a
 * free name when yet another file took it: a hard link, so that it is never in neither place),
 * and the processed bytes are written to the target;</li>
 * <li>another file: it is not moved. The processed bytes are written to the target (atomically,
 * {@link AtomicFiles}), and the newer file stays in the inbox, taken at the next poll as the
 * next version (or a new return);</li>
 * <li>no file (taken out of the inbox meanwhile): the processed bytes are written to the target.</li>
 * </ul>
 * A file renamed to its target is watched there a while ({@link MovedInputWatch}): a writer
 * that still had it open writes the rest into it, and it goes back into the inbox.
 * Either way the outputs were durable before the exchange finished, and nothing is deleted.
 * <p>
 * Why a process strategy: the move has to be the last thing that happens to the input, after
 * the route and after every failure path (rejection, dead letter), which is where Camel commits
 * a consumed file; a route step cannot tell the consumer not to move, and a check in the route
 * leaves the whole commit to race with the author. Everything else stays Camel's: taking the
 * file (the read lock and the other options of the endpoint, passed on to Camel's own strategy
 * built for the endpoint, told only not to move), where to move it (the endpoint's {@code move}
 * expression), and Camel's rename, copy and delete where a rename is impossible (another file
 * system, an inbox that refuses deletions: MoveFailures reports those as before).
 */
public final class InboxCommit implements GenericFileProcessStrategy<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxCommit.class);

    /** What happened to an input at the end of its exchange. */
    enum Outcome {
        /** Moved to its target, as Camel's strategy does. */
        MOVED,
        /** A newer file stood at its path: left there, the processed bytes written to the target. */
        NEWER_LEFT,
        /** A newer file was renamed to the target in the instant of the move: put back in the inbox. */
        NEWER_PUT_BACK,
        /** No file at its path any more: the processed bytes written to the target. */
        GONE
    }

    /** Camel's rename (rename, else copy and delete), for when a rename of our own is refused. */
    @FunctionalInterface
    interface Rename {
        void rename(Path from, Path to) throws Exception;
    }

    private final HomeLayout layout;
    private final Consumer<Path> newInput;
    /** Told of each input renamed to its target; null in tests that do not watch. */
    private final MovedInputWatch watch;
    /** Test seams: run just before the rename, and just after it. */
    private final Runnable beforeRename;
    private final Runnable afterRename;
    /** Camel's own strategy for each endpoint, built from its options: takes the file, never moves it. */
    private final Map<GenericFileEndpoint<File>, GenericFileProcessStrategy<File>> camel = new ConcurrentHashMap<>();

    public InboxCommit(HomeLayout layout, TransientFailures failures, MovedInputWatch watch) {
        this(layout, failures::forget, watch, () -> { }, () -> { });
    }

    InboxCommit(HomeLayout layout, Consumer<Path> newInput, Runnable beforeRename, Runnable afterRename) {
        this(layout, newInput, null, beforeRename, afterRename);
    }

    /** @param newInput told of a path where a newer file was left for the next poll (a back-off held for the older one goes) */
    InboxCommit(HomeLayout layout, Consumer<Path> newInput, MovedInputWatch watch, Runnable beforeRename, Runnable afterRename) {
        this.layout = layout;
        this.newInput = newInput;
        this.watch = watch;
        this.beforeRename = beforeRename;
        this.afterRename = afterRename;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) throws Exception {
        camel(endpoint).prepareOnStartup(operations, endpoint);
    }

    @Override
    public boolean begin(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        return camel(endpoint).begin(operations, endpoint, exchange, file);
    }

    @Override
    public void abort(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                      GenericFile<File> file) throws Exception {
        camel(endpoint).abort(operations, endpoint, exchange, file);
    }

    @Override
    public void rollback(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        camel(endpoint).rollback(operations, endpoint, exchange, file);
    }

    @Override
    public void commit(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                       GenericFile<File> file) throws Exception {
        try {
            // As Camel's commit: the file's resources first, the move, then the read lock.
            operations.releaseRetrievedFileResources(exchange);
            if (InboxFiles.goneUnread(exchange)) {
                // Gone before it was read (InboxFiles said so): nothing to move, nothing to keep.
                return;
            }
            Path input = Path.of(file.getAbsoluteFilePath()).toAbsolutePath();
            InboxFiles.Read read = InboxFiles.readOf(exchange);
            FileIdentity taken = InboxFiles.takenIdentity(exchange);
            leave(input, target(operations, endpoint, exchange, file), taken, read == null ? null : read.bytes(),
                    (from, to) -> camelRename(operations, from, to));
        } finally {
            camel(endpoint).commit(operations, endpoint, exchange, file);
        }
    }

    /**
     * Takes the input out of the inbox to {@code target} if it is still the file taken, else
     * writes the bytes processed there (see the class comment).
     *
     * @param taken the identity of the file processed; null when unknown (the file is moved as it is)
     * @param bytes the bytes processed; null when the file was not read
     */
    Outcome leave(Path input, Path target, FileIdentity taken, byte[] bytes, Rename fallback) throws Exception {
        FileIdentity now = FileIdentity.of(input);
        if (taken != null && now != null && !taken.isSameFile(now)) {
            if (bytes != null) {
                AtomicFiles.write(target, bytes);
            }
            newInput.accept(input);
            LOG.info("inbox.saved-again file={} {}: a newer file was saved under this name while the pipeline worked on it;"
                            + " it stays in the inbox for the next poll{}", input.getFileName(), kept(target, bytes),
                    bytes == null ? "" : ", and the version processed is kept from the bytes read");
            return Outcome.NEWER_LEFT;
        }
        if (now == null && bytes != null) {
            return gone(input, target, bytes);
        }
        beforeRename.run();
        boolean renamed;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.move(input, target, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
        } catch (NoSuchFileException gone) {
            if (bytes == null) {
                throw gone;
            }
            return gone(input, target, bytes);
        } catch (IOException | SecurityException refused) {
            // Another file system (AtomicMoveNotSupportedException), or an inbox that refuses
            // deletions: Camel's way, rename or copy and delete, which MoveFailures reports as before.
            fallback.rename(input, target);
            renamed = false;
        }
        afterRename.run();
        // The rename took whatever was at the path at that instant: a file saved again since the
        // check above is there now instead of the one processed. A copy (Camel's fallback) has
        // neither the inode nor the time of its original: its bytes tell.
        boolean processed = taken == null || (renamed ? taken.isSameFile(FileIdentity.of(target))
                : bytes != null ? Arrays.equals(bytes, Files.readAllBytes(target)) : taken.size() == Files.size(target));
        if (processed) {
            if (renamed && taken != null && bytes != null && watch != null) {
                // The same file at its target: a writer that still holds it open writes on there.
                watch.moved(input, target, taken, bytes);
            }
            return Outcome.MOVED;
        }
        PutBack back = putBack(target, input);
        if (bytes != null) {
            AtomicFiles.write(target, bytes);
        } else if (back.linked()) {
            Files.delete(target);
        }
        newInput.accept(back.path());
        LOG.info("inbox.saved-again file={} {}: a newer file was saved under this name as the pipeline moved it out;"
                        + " it is put back in the inbox as {} for the next poll{}", input.getFileName(), kept(target, bytes),
                back.path().getFileName(), bytes == null ? "" : ", and the version processed is kept from the bytes read");
        return Outcome.NEWER_PUT_BACK;
    }

    private Outcome gone(Path input, Path target, byte[] bytes) throws IOException {
        AtomicFiles.write(target, bytes);
        LOG.info("inbox.gone file={} to={}: the file was taken out of the inbox while the pipeline worked on it;"
                + " the version processed is kept from the bytes read", input.getFileName(), layout.shown(target));
        return Outcome.GONE;
    }

    private String kept(Path target, byte[] bytes) {
        return (bytes == null ? "not_kept=" : "to=") + layout.shown(target);
    }

    /** Where a file put back in the inbox went, and whether it is still linked at its target too. */
    record PutBack(Path path, boolean linked) {
    }

    /**
     * Puts the file moved to {@code moved} back in the input's folder: under the input's name
     * when it is free, else under the first free numbered name ({@code cmo.2.md}). A hard link
     * first, which never replaces a file and leaves the file at {@code moved} too until the
     * caller replaces or removes it; where links are refused, a move that does not replace.
     */
    static PutBack putBack(Path moved, Path input) throws IOException {
        String name = input.getFileName().toString();
        for (int n = 1; ; n++) {
            Path candidate = input.resolveSibling(Rejections.copyName(name, n));
            try {
                Files.createLink(candidate, moved);
                return new PutBack(candidate, true);
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
            }
            try {
                Files.move(moved, candidate);
                return new PutBack(candidate, false);
            } catch (FileAlreadyExistsException taken) {
                // Another file arrived under this name meanwhile: the next one.
            }
        }
    }


    /** The endpoint's {@code move} expression evaluated as Camel's commit does: on a copy of the exchange, the file bound to it. */
    private static Path target(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                               GenericFile<File> file) {
        Exchange copy = ExchangeHelper.createCopy(exchange, true);
        if (endpoint instanceof FileEndpoint fileEndpoint) {
            file.bindToExchange(copy, fileEndpoint.isProbeContentType());
        } else {
            file.bindToExchange(copy);
        }
        copy.getMessage().setMessageId(exchange.getMessage().getMessageId());
        copy.setExchangeId(exchange.getExchangeId());
        GenericFile<File> renamed = new GenericFileExpressionRenamer<File>(endpoint.getMove()).renameFile(operations, copy, file);
        return Path.of(renamed.getAbsoluteFilePath()).toAbsolutePath();
    }

    /** Camel's commit rename: the target replaced, its folder made, then rename, or copy and delete. */
    private static void camelRename(GenericFileOperations<File> operations, Path from, Path to) {
        try {
            operations.deleteFile(to.toString());
        } catch (GenericFileOperationFailedException absent) {
            // Nothing to replace.
        }
        if (!operations.buildDirectory(to.getParent().toString(), true)) {
            throw new GenericFileOperationFailedException("Cannot create directory: " + to.getParent()
                    + " (could be because of denied permissions)");
        }
        if (!operations.renameFile(from.toString(), to.toString())) {
            throw new GenericFileOperationFailedException("Cannot rename file: " + from + " to: " + to);
        }
    }

    private GenericFileProcessStrategy<File> camel(GenericFileEndpoint<File> endpoint) {
        return camel.computeIfAbsent(endpoint, InboxCommit::camelStrategy);
    }

    /**
     * Camel's strategy for the endpoint's options, as the endpoint would build it without a
     * processStrategy, but with noop: it takes the file (read lock), and leaves it where it is
     * on commit, for {@link #commit} to move.
     */
    private static GenericFileProcessStrategy<File> camelStrategy(GenericFileEndpoint<File> endpoint) {
        if (endpoint.getMove() == null || endpoint.isDelete() || endpoint.isNoop()) {
            // Without a move the input would stay in the inbox and be taken again at every poll.
            throw new IllegalArgumentException("InboxCommit moves inputs to the endpoint's move target: set move, not delete or noop");
        }
        Map<String, Object> options = new HashMap<>();
        options.put("noop", "true");
        if (endpoint.getPreMove() != null) {
            options.put("preMove", endpoint.getPreMove());
        }
        if (endpoint.getMoveFailed() != null) {
            options.put("moveFailed", endpoint.getMoveFailed());
        }
        if (endpoint.getExclusiveReadLockStrategy() != null) {
            options.put("exclusiveReadLockStrategy", endpoint.getExclusiveReadLockStrategy());
        }
        String readLock = endpoint.getReadLock();
        if (readLock != null) {
            if (readLock.startsWith("idempotent")) {
                // Their repository options are not passed on here.
                throw new IllegalArgumentException("InboxCommit does not support readLock=" + readLock);
            }
            options.put("readLock", readLock);
        }
        if (endpoint.getReadLockCheckInterval() > 0) {
            options.put("readLockCheckInterval", endpoint.getReadLockCheckInterval());
        }
        if (endpoint.getReadLockTimeout() > 0) {
            options.put("readLockTimeout", endpoint.getReadLockTimeout());
        }
        options.put("readLockMarkerFile", endpoint.isReadLockMarkerFile());
        options.put("readLockDeleteOrphanLockFiles", endpoint.isReadLockDeleteOrphanLockFiles());
        options.put("readLockMinLength", endpoint.getReadLockMinLength());
        options.put("readLockLoggingLevel", endpoint.getReadLockLoggingLevel());
        options.put("readLockMinAge", endpoint.getReadLockMinAge());
        GenericFileProcessStrategy<File> strategy = new FileProcessStrategyFactory()
                .createGenericFileProcessStrategy(endpoint.getCamelContext(), options);
        if (strategy instanceof CamelContextAware aware) {
            aware.setCamelContext(endpoint.getCamelContext());
        }
        ServiceHelper.startService(strategy);
        return strategy;
    }
}
