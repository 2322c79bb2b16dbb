package io.contentpipeline.intake;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Rejecting an input: the file goes to outbox/rejected/ with &lt;name&gt;.errors.json beside it
 * listing every problem. Nothing else is written for it, apart from its changelog event.
 */
public final class Rejections {

    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);
    private static final String REPORT_SUFFIX = ".errors.json";

    private final HomeLayout layout;
    private final PipelineCounts counts;
    private final Predicate<Exchange> retryOfStuckInput;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param retryOfStuckInput whether an exchange is another attempt at an input that stayed in
     *                          the inbox only because it could not be moved out (MoveFailures)
     */
    public Rejections(HomeLayout layout, PipelineCounts counts, Predicate<Exchange> retryOfStuckInput) {
        this.layout = layout;
        this.counts = counts;
        this.retryOfStuckInput = retryOfStuckInput;
    }

    /** A stage rejected the input: the expected outcome for a bad file. */
    public Rejection rejected(Exchange exchange, String kind) throws IOException {
        RejectedInputException rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RejectedInputException.class);
        return reject(exchange, kind, rejection.slug(), rejection.language(), rejection.version(), rejection.problems());
    }

    /** The pipeline failed on the input for an unexpected reason; it is set aside with the reason. */
    public Rejection failed(Exchange exchange, String kind) throws IOException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.error("pipeline.error file={} kind={}: the input is set aside in outbox/rejected/", fileName(exchange), kind, failure);
        String reason = failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return reject(exchange, kind, null, null, null, List.of(Problem.error("internal-error", null,
                "the pipeline could not process this file (" + reason + "); an operator has the details in the log", null)));
    }

    /** @param language the language a return's translation: block gives, when it could be read; else its folder's is named */
    private Rejection reject(Exchange exchange, String kind, String slug, String language, Integer version, List<Problem> problems)
            throws IOException {
        String name = fileName(exchange);
        Path target = freeName(name);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", name);
        report.put("kind", kind);
        report.put("slug", slug);
        report.put("rejected_at", Instant.now());
        report.put("errors", problems.stream().filter(Problem::isError).toList());
        report.put("warnings", problems.stream().filter(p -> !p.isError()).toList());
        writeReport(target, json.writeValueAsBytes(report));
        exchange.getMessage().setHeader(InboxFiles.MOVE_TO, target.toString());
        // rejected_since_start counts inputs: a stuck input's first attempt counted it, and its
        // retries reject the same file again only because it could not be moved out.
        if (!retryOfStuckInput.test(exchange)) {
            counts.rejected(kind);
        }
        String event = "translation".equals(kind) ? ChangelogEvent.TRANSLATION_REJECTED : ChangelogEvent.ARTICLE_REJECTED;
        String lang = !"translation".equals(kind) ? null
                : language != null ? language : folderLanguage(exchange);
        if (lang != null && slug != null) {
            counts.translationRejected(slug, lang);
        }
        List<String> errors = problems.stream().filter(Problem::isError).map(Problem::describe).toList();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("errors", errors);
        detail.put("report", layout.home().relativize(report(target)).toString());
        ChangelogEvent rejected = ChangelogEvent.now(event, slug, lang, version, name, detail);
        return new Rejection(kind, slug, lang, List.of(rejected));
    }

    /**
     * rejected/&lt;name&gt;, or &lt;stem&gt;.2.&lt;ext&gt;, .3 … (cmo.2.md) when an earlier file of
     * that name was rejected: the number goes before the extension, so that the copy, once
     * corrected, can be dropped back into the inbox under its name and is taken. The name is
     * reserved by creating its errors.json (replaced by the real report next), so that two
     * workers rejecting files of the same name at once do not share one.
     */
    private Path freeName(String name) throws IOException {
        Files.createDirectories(layout.rejected());
        for (int n = 1; ; n++) {
            Path candidate = layout.rejected().resolve(copyName(name, n));
            if (Files.exists(candidate)) {
                continue;
            }
            try {
                Files.createFile(report(candidate));
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                // An earlier rejection's report, or another worker's reservation: try the next number.
            }
        }
    }

    /**
     * Replaces the reservation with the report. When that fails the reservation goes too: the
     * input stays in the inbox and is tried again, and an empty report per attempt would pile up.
     */
    private static void writeReport(Path copy, byte[] report) throws IOException {
        try {
            AtomicFiles.write(report(copy), report);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(report(copy));
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
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
