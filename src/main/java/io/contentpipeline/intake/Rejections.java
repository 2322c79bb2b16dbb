package io.contentpipeline.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.FileNames;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.status.PipelineCounts;
import org.apache.camel.Exchange;
import org.apache.camel.Ordered;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Rejecting an input: the file goes to outbox/rejected/ with &lt;name&gt;.errors.json beside it
 * listing every problem. Nothing else is written for it, apart from its changelog event.
 * <p>
 * The report is written before the route ends, the file moved beside it after: a crash in
 * between leaves the report alone in rejected/ and the input in the inbox, rejected again at
 * restart. That rejection takes the leftover report's name over instead of the next number, and
 * when the report says it was this very input (its name, and its inode, size and modification
 * time: {@link FileIdentity}) and the changelog has its event already, the event is not written
 * a second time.
 */
public final class Rejections {

    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);
    private static final String REPORT_SUFFIX = ".errors.json";

    /** Where the changelog is asked whether an event was already written (Changelog::recordedSince). */
    @FunctionalInterface
    public interface RecordedEvents {
        /** Whether an event matching was written at or after {@code since}. */
        boolean recordedSince(Instant since, Predicate<ChangelogEvent> match) throws IOException;
    }

    /** Which article a return names by its file name (ReturnFileNames::slugOf), asked when its translation: block could not be read. */
    @FunctionalInterface
    public interface ReturnNames {
        Optional<String> slugOf(String fileName, String language);
    }

    private final HomeLayout layout;
    private final PipelineCounts counts;
    private final Predicate<Exchange> retryOfStuckInput;
    private final RecordedEvents changelog;
    private final ReturnNames returnNames;
    /**
     * Copies' names this process holds a reservation for, until the exchange that took it is
     * done (its input moved beside the report, or left in the inbox). A report with no copy beside
     * it that is not here is no other worker's: a rejection that did not finish left it.
     */
    private final Set<Path> reserved = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param retryOfStuckInput whether an exchange is another attempt at an input that stayed in
     *                          the inbox only because it could not be moved out (MoveFailures)
     * @param changelog         the events written so far, asked only when an input replays a
     *                          rejection that did not finish
     * @param returnNames       the article a return names by its file name, for one whose
     *                          translation: block could not be read
     */
    public Rejections(HomeLayout layout, PipelineCounts counts, Predicate<Exchange> retryOfStuckInput, RecordedEvents changelog,
                      ReturnNames returnNames) {
        this.layout = layout;
        this.counts = counts;
        this.retryOfStuckInput = retryOfStuckInput;
        this.changelog = changelog;
        this.returnNames = returnNames;
    }

    /** A stage rejected the input: the expected outcome for a bad file. */
    public Rejection rejected(Exchange exchange, String kind) throws IOException {
        RejectedInputException rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RejectedInputException.class);
        return reject(exchange, kind, rejection.slug(), rejection.language(), rejection.version(), rejection.problems(), kind);
    }

    /** The pipeline failed on the input for an unexpected reason; it is set aside with the reason. */
    public Rejection failed(Exchange exchange, String kind) throws IOException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.error("pipeline.error file={} kind={}: the input is set aside in outbox/rejected/", fileName(exchange), kind, failure);
        String reason = failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        // Counted apart from the authors' rejections: the pipeline's own failure, which a --once run reports in its exit code.
        return reject(exchange, kind, null, null, null, List.of(Problem.error("internal-error", null,
                "the pipeline could not process this file (" + reason + "); an operator has the details in the log", null)),
                PipelineCounts.INTERNAL_ERROR);
    }

    /**
     * @param namedSlug the slug the input names itself, null when it could not be read
     * @param language  the language a return's translation: block gives, when it could be read; else its folder's is named
     * @param countedAs the kind rejected_since_start counts it as
     */
    private Rejection reject(Exchange exchange, String kind, String namedSlug, String language, Integer version, List<Problem> problems,
                             String countedAs) throws IOException {
        String name = fileName(exchange);
        Long bytes = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        Long modifiedMillis = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        Instant modified = modifiedMillis == null ? null : Instant.ofEpochMilli(modifiedMillis);
        // Its inode too: another file of the same size and time in its place is another input.
        FileIdentity input = InboxFiles.takenIdentity(exchange);
        Reservation reservation = reserve(exchange, name);
        Path target = reservation.copy();
        // This input, rejected before and not moved out: the rejection it replays keeps its time.
        boolean replay = reservation.left() != null && reservation.left().isInput(input);
        Instant rejectedAt = replay ? reservation.left().rejectedAt() : Instant.now();
        boolean translation = "translation".equals(kind);
        String lang = !translation ? null : language != null ? language : folderLanguage(exchange);
        // A return whose translation: block could not be read (mangled front matter, a file too
        // large): its file name still says whose draft it answers, and that language shows
        // "rejected" instead of waiting on as "requested".
        String slug = namedSlug != null || lang == null ? namedSlug : returnNames.slugOf(name, lang).orElse(null);
        boolean slugFromName = namedSlug == null && slug != null;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", name);
        report.put("file_bytes", bytes);
        report.put("file_modified", modified);
        report.put("file_id", input == null ? null : input.keyText());
        report.put("kind", kind);
        report.put("slug", slug);
        if (slugFromName) {
            report.put("slug_from", "file name");
        }
        report.put("rejected_at", rejectedAt);
        report.put("errors", problems.stream().filter(Problem::isError).toList());
        report.put("warnings", problems.stream().filter(p -> !p.isError()).toList());
        writeReport(reservation, json.writeValueAsBytes(report));
        exchange.getMessage().setHeader(InboxFiles.MOVE_TO, target.toString());
        // rejected_since_start counts inputs: a stuck input's first attempt counted it, and its
        // retries reject the same file again only because it could not be moved out.
        boolean stuckRetry = retryOfStuckInput.test(exchange);
        if (!stuckRetry) {
            counts.rejected(countedAs);
        }
        String event = translation ? ChangelogEvent.TRANSLATION_REJECTED : ChangelogEvent.ARTICLE_REJECTED;
        if (lang != null && slug != null) {
            counts.translationRejected(slug, lang);
        }
        List<String> errors = problems.stream().filter(Problem::isError).map(Problem::describe).toList();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("errors", errors);
        String reportPath = layout.home().relativize(report(target)).toString();
        detail.put("report", reportPath);
        // A stuck input's retries log nothing anyway (EventRecorder), so they need no look.
        if (replay && !stuckRetry && changelog.recordedSince(rejectedAt, logged -> event.equals(logged.event())
                && name.equals(logged.file()) && reportPath.equals(logged.detail().get("report")))) {
            LOG.info("rejection.replayed file={} report={}: this input was rejected at {} and the pipeline stopped before it"
                            + " left the inbox; its {} event is in the changelog already and is not written again",
                    name, reportPath, rejectedAt, event);
            return new Rejection(kind, slug, lang, List.of());
        }
        ChangelogEvent rejected = ChangelogEvent.now(event, slug, lang, version, name, detail);
        return new Rejection(kind, slug, lang, List.of(rejected));
    }

    /**
     * rejected/&lt;name&gt;, or &lt;stem&gt;.2.&lt;ext&gt;, .3 … (cmo.2.md) when an earlier file of
     * that name was rejected: the number goes before the extension, so that the copy, once
     * corrected, can be dropped back into the inbox under its name and is taken. The name is
     * reserved by creating its errors.json (replaced by the real report next), so that two
     * workers rejecting files of the same name at once do not share one; and in memory, until
     * the exchange is done.
     * <p>
     * A report with no copy beside it, for a file of this name, that this process did not reserve,
     * was left by a rejection that did not finish (the process died before the input was moved
     * beside it, or its exchange failed after the report was written): its name is taken over,
     * so that no report stays behind alone. An empty one was only reserved when that happened.
     */
    private Reservation reserve(Exchange exchange, String name) throws IOException {
        Files.createDirectories(layout.rejected());
        for (int n = 1; ; n++) {
            Path candidate = layout.rejected().resolve(copyName(name, n));
            if (Files.exists(candidate) || !reserved.add(candidate)) {
                // An earlier rejection's copy, or another worker's reservation: try the next number.
                continue;
            }
            Reservation reservation = null;
            try {
                try {
                    Files.createFile(report(candidate));
                    reservation = new Reservation(candidate, null);
                } catch (FileAlreadyExistsException taken) {
                    Left left = leftBy(report(candidate), name);
                    if (left != null && Files.notExists(candidate)) {
                        reservation = new Reservation(candidate, left);
                    }
                }
            } finally {
                if (reservation == null) {
                    reserved.remove(candidate);
                }
            }
            if (reservation != null) {
                releaseWhenDone(exchange, candidate);
                return reservation;
            }
            // An earlier rejection's report (its copy taken away), for another name or unreadable: kept.
        }
    }

    /** The name is given back once the exchange is done: after the file consumer moved its input, or left it. */
    private void releaseWhenDone(Exchange exchange, Path copy) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                reserved.remove(copy);
            }

            /** After the file consumer's own completion, which moves the file beside its report. */
            @Override
            public int getOrder() {
                return Ordered.LOWEST;
            }
        });
    }

    /**
     * What a report found alone says of the rejection that left it, when it was one of a file of
     * this name (or only the empty reservation); null for any other file, which is left as it is.
     */
    private Left leftBy(Path report, String name) {
        try {
            byte[] bytes = Files.readAllBytes(report);
            if (bytes.length == 0) {
                return new Left(null, null);
            }
            JsonNode left = json.readTree(bytes);
            if (left == null || !name.equals(left.path("file").asText(null))) {
                return null;
            }
            Instant modified = instant(left.get("file_modified"));
            FileIdentity input = left.path("file_bytes").isIntegralNumber() && modified != null
                    ? FileIdentity.recorded(left.path("file_id").asText(null), left.get("file_bytes").asLong(), modified) : null;
            return new Left(instant(left.get("rejected_at")), input);
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("rejection.report {} left as it is: {}", report, unreadable.toString());
            return null;
        }
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A copy's name, and what the report found there said when it was taken over (null when newly created). */
    private record Reservation(Path copy, Left left) {
    }

    /**
     * A report left alone: when it was written, and the identity of the input it rejected (its
     * inode, size and modification time; a report written before file_id was recorded has size
     * and time only, and is matched on those).
     */
    private record Left(Instant rejectedAt, FileIdentity input) {
        /**
         * Whether the input being rejected is the very file this report was written for, not changed
         * since. Size and time alone took another file in its place (cp -p of another file of the
         * same size, or one saved within the same tick) for it, and its event was not written.
         */
        boolean isInput(FileIdentity now) {
            return rejectedAt != null && input != null && input.isSameFile(now);
        }
    }

    /**
     * Replaces the reservation with the report. When that fails a reservation made for this
     * attempt goes too: the input stays in the inbox and is tried again, and an empty report
     * per attempt would pile up. A report taken over stays as it was.
     */
    private static void writeReport(Reservation reservation, byte[] report) throws IOException {
        Path copy = reservation.copy();
        try {
            AtomicFiles.write(report(copy), report);
        } catch (IOException | RuntimeException e) {
            if (reservation.left() == null) {
                try {
                    Files.deleteIfExists(report(copy));
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * The n-th copy's name, the number before the extension (cmo.md, cmo.2.md, cmo.3.md), shortened
     * so that its report's name (&lt;copy&gt;.errors.json) fits the file system too.
     */
    static String copyName(String name, int n) {
        String number = n == 1 ? "" : "." + n;
        String fitted = FileNames.fit(name, FileNames.MAX_BYTES - FileNames.utf8Length(number + REPORT_SUFFIX));
        String extension = FileNames.extension(fitted);
        return fitted.substring(0, fitted.length() - extension.length()) + number + extension;
    }

    /** &lt;copy&gt;.errors.json, beside the rejected copy. */
    public static Path report(Path copy) {
        return copy.resolveSibling(copy.getFileName() + REPORT_SUFFIX);
    }

    /** The language folder a return was dropped in (inbox/translations/&lt;LANG&gt;/), lower-cased; null outside one. */
    private String folderLanguage(Exchange exchange) {
        Path path = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        return layout.returnsFolderOf(path).map(folder -> folder.toLowerCase(Locale.ROOT)).orElse(null);
    }

    private static String fileName(Exchange exchange) {
        return Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).getFileName().toString();
    }
}
