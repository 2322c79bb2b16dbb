package io.contentpipeline.runtime;

import io.contentpipeline.changelog.Changelog;
import io.contentpipeline.changelog.ChangelogDigest;
import io.contentpipeline.changelog.EventRecorder;
import io.contentpipeline.check.ArticleChecker;
import io.contentpipeline.check.MetadataRules;
import io.contentpipeline.derive.Deriver;
import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.files.HomeLock;
import io.contentpipeline.intake.InProgressFiles;
import io.contentpipeline.intake.InboxCommit;
import io.contentpipeline.intake.InboxFiles;
import io.contentpipeline.intake.InboxScan;
import io.contentpipeline.intake.InputBudget;
import io.contentpipeline.intake.MoveFailures;
import io.contentpipeline.intake.MovedInputWatch;
import io.contentpipeline.intake.Rejections;
import io.contentpipeline.intake.ReturnsFilter;
import io.contentpipeline.intake.SlugSequencer;
import io.contentpipeline.language.LanguageDetector;
import io.contentpipeline.language.LanguageResolver;
import io.contentpipeline.segment.Segmenter;
import io.contentpipeline.summarize.ExtractiveSummarizer;
import io.contentpipeline.summarize.SummaryLength;
import io.contentpipeline.text.TermAnalyzer;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.BundlePublisher;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.publish.PublicUrls;
import io.contentpipeline.status.InputsAtWork;
import io.contentpipeline.status.PipelineCounts;
import io.contentpipeline.status.StatusReporter;
import io.contentpipeline.status.TransientFailures;
import io.contentpipeline.translate.DraftWriter;
import io.contentpipeline.translate.PseudoTranslator;
import io.contentpipeline.translate.ReturnChecker;
import io.contentpipeline.translate.ReturnFileNames;
import io.contentpipeline.version.ContentIndex;
import io.contentpipeline.version.SourceArchive;
import io.contentpipeline.version.Versioner;
import io.contentpipeline.xliff.XliffExport;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the beans the routes call and binds them to Camel's registry under the names the
 * YAML routes use. Runs before the routes are loaded.
 */
public final class PipelineConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineConfiguration.class);

    /** The folder --home names; null when the command line gives none. */
    private final Path homeOption;
    /** Stops the pipeline with exit code 1 when another one took its home (HomeLockWatch). */
    private final Runnable stopForLostHome;

    public PipelineConfiguration() {
        this(null, () -> LOG.error("pipeline.lock-lost: no way to stop this pipeline was given; stop it by hand"));
    }

    /**
     * @param homeOption the folder --home names, which wins over the pipeline.home setting; null
     *                   when the command line gives none
     */
    public PipelineConfiguration(Path homeOption, Runnable stopForLostHome) {
        this.homeOption = homeOption;
        this.stopForLostHome = stopForLostHome;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PipelineSettings settings = PipelineSettings.from(context.getPropertiesComponent(), homeOption);
        // The routes read the home and the worker count as resolved here ({{resolved:home}}).
        context.getPropertiesComponent().addPropertiesFunction(new ResolvedSettings(settings));
        AtomicFiles.forceToDevice(settings.forceToDevice());
        HomeLayout layout = new HomeLayout(settings.home());
        // Before anything is written to the home, its folders included: a second pipeline refused
        // here leaves the home as the running one has it (it used to create its missing folders
        // first, such as the return folder of a target the running one does not have), and
        // recovery must not run under a live pipeline. The lock creates only outbox/ for its file.
        HomeLock lock = HomeLock.acquire(layout);
        try {
            layout.create(settings.targets());
        } catch (IOException | RuntimeException e) {
            // Not started: the home is free again for a run once the operator has fixed it.
            lock.close();
            throw e;
        }
        context.addService(new HomeLockService(lock), true, true);
        context.getRegistry().bind("homeLockWatch", new HomeLockWatch(layout, lock, stopForLostHome));

        MarkdownEngine markdown = new MarkdownEngine();
        ArticleParser parser = new ArticleParser(settings.maxFileBytes());
        BundleStore bundles = new BundleStore(layout);
        bundles.recover();
        SourceArchive sources = new SourceArchive(layout);
        LanguageResolver languages = new LanguageResolver(new LanguageDetector(detectionCandidates(settings)),
                settings.sourceLanguage(), settings.detectionMinConfidence());
        Deriver deriver = new Deriver(markdown, languages, new ExtractiveSummarizer(new TermAnalyzer()),
                new SummaryLength(settings.summaryMaxSentences(), settings.summaryMaxChars()),
                settings.wordsPerMinute(), settings.descriptionMax());
        PipelineCounts counts = new PipelineCounts();
        ContentIndex contents = new ContentIndex();
        bundles.forEachManifest(manifest -> {
            counts.track(manifest);
            contents.remember(manifest);
        });
        Changelog changelog = new Changelog(layout.changelog());
        ChangelogDigest digest = new ChangelogDigest(changelog, layout.changelogDigest());
        context.addService(new ChangelogService(changelog, digest), true, true);

        TransientFailures transientFailures = new TransientFailures(settings.ioRetryDelay(), settings.ioRetryMaxDelay(), Clock.systemUTC());
        Registry registry = context.getRegistry();
        registry.bind("settings", settings);
        registry.bind("layout", layout);
        registry.bind("slugSequencer", new SlugSequencer());
        InboxFiles inboxFiles = new InboxFiles(layout, settings.maxFileBytes(), settings.maxReturnBytes(), settings.maxXliffBytes());
        registry.bind("inputBudget", new InputBudget(settings.inFlightBytes(), path -> inboxFiles.sizeLimit(path).bytes()));
        registry.bind("inboxFiles", inboxFiles);
        registry.bind("articleParser", parser);
        MetadataRules rules = MetadataRules.load("metadata-rules.yaml");
        registry.bind("articleChecker", new ArticleChecker(rules));
        registry.bind("deriver", deriver);
        registry.bind("versioner", new Versioner(bundles, contents, sources, changelog::recorded));
        registry.bind("contentIndex", contents);
        Segmenter segmenter = new Segmenter(markdown);
        registry.bind("draftWriter", new DraftWriter(layout, sources, settings.targets(), bundles, parser, segmenter,
                XliffExport.forVersion(settings.xliffVersion())));
        registry.bind("bundlePublisher", new BundlePublisher(bundles, markdown,
                new PublicUrls(settings.baseUrl(), settings.baseUrlByLanguage()), parser, sources));
        registry.bind("pseudoTranslator", new PseudoTranslator(settings.pseudoTranslate(), layout, parser, segmenter));
        // Returned translations can be longer than their source, so have a size limit of their own.
        ArticleParser returnParser = new ArticleParser(settings.maxReturnBytes(), "pipeline.max-return-bytes");
        registry.bind("returnChecker", new ReturnChecker(layout, returnParser, bundles, sources, deriver, languages, segmenter,
                settings.returnSourceWait(), rules.textRules()::checkTranslated));
        ReturnsFilter returnsFilter = new ReturnsFilter(layout, returnParser, bundles, settings.returnSourceWait(), Clock.systemUTC(), transientFailures,
                inboxFiles);
        registry.bind("returnsFilter", returnsFilter);
        MoveFailures moveFailures = new MoveFailures(layout, transientFailures);
        registry.bind("rejections", new Rejections(layout, counts, moveFailures::isRetry, changelog::recordedSince,
                new ReturnFileNames(bundles)::slugOf));
        Predicate<Exchange> stuckRetry = moveFailures::isRetry;
        registry.bind("events", new EventRecorder(changelog, stuckRetry.or(InboxFiles::isTakenIn)));
        registry.bind("changelogDigest", digest);
        registry.bind("pipelineCounts", counts);
        registry.bind("transientFailures", transientFailures);
        registry.bind("moveFailures", moveFailures);
        // The file consumers' processStrategy: an input leaves the inbox only as the bytes processed.
        // Inputs moved out of the inbox, watched a while for a writer that still had them open.
        MovedInputWatch movedInputs = new MovedInputWatch(layout, transientFailures);
        registry.bind("movedInputWatch", movedInputs);
        registry.bind("inboxCommit", new InboxCommit(layout, transientFailures, movedInputs));
        registry.bind("inboxInProgress", new InProgressFiles());
        registry.bind("returnsInProgress", new InProgressFiles());
        var properties = context.getPropertiesComponent();
        String articleInclude = properties.resolveProperty("pipeline.inbox.include").orElseThrow();
        String returnInclude = properties.resolveProperty("pipeline.returns.include").orElseThrow();
        // The file consumers' pollStrategy: renames names they cannot read, names what they will not take.
        InboxScan inboxScan = new InboxScan(layout, articleInclude, returnInclude, returnsFilter);
        registry.bind("inboxScan", inboxScan);
        PendingWork pending = new PendingWork(layout, articleInclude, returnInclude, returnsFilter, transientFailures, inboxScan);
        registry.bind("pendingWork", pending);
        // Checked at start-up with the route settings (PipelineSettings.checkRouteSettings).
        Duration statusInterval = Duration.ofMillis(Long.parseLong(properties.resolveProperty("pipeline.status-interval").orElseThrow()));
        Duration progressInterval = Duration.ofMillis(Long.parseLong(properties.resolveProperty("pipeline.progress-interval").orElseThrow()));
        InputsAtWork atWork = new InputsAtWork(Clock.systemUTC());
        registry.bind("inputsAtWork", atWork);
        registry.bind("statusReporter", new StatusReporter(context, counts, pending::countOrUnknown,
                () -> returnsFilter.waiting().size(), pending::notTakenOrUnknown, transientFailures::count, bundles::exists,
                atWork, statusInterval, progressInterval, Clock.systemUTC()));
        LOG.info("pipeline home={} targets={} source-language={} (when an article does not say) workers={} durability={}",
                layout.home(), settings.targets(), settings.sourceLanguage(), settings.workers(),
                settings.forceToDevice() ? "power-loss" : "process-crash");
        settings.targetsWarning().ifPresent(warning -> LOG.warn("pipeline.settings {}", warning));
        UnknownSettings.find(properties, System.getenv(), System.getProperties())
                .forEach(unknown -> LOG.warn("pipeline.settings {}", unknown));
    }

    /** The languages detection chooses among: the configured list plus every language the pipeline works in. */
    private static Set<String> detectionCandidates(PipelineSettings settings) {
        Set<String> candidates = new LinkedHashSet<>(settings.detectionLanguages());
        candidates.add(settings.sourceLanguage());
        settings.targets().forEach(target -> candidates.add(target.toLowerCase(Locale.ROOT)));
        return candidates;
    }

    /** Releases the home when the pipeline stops (the operating system does it when the process dies). */
    private static final class HomeLockService extends ServiceSupport {
        private final HomeLock lock;

        HomeLockService(HomeLock lock) {
            this.lock = lock;
        }

        @Override
        protected void doStop() throws Exception {
            lock.close();
        }
    }

    /** Opens the changelog before the routes start; writes the last CHANGELOG.md and closes it after they stop. */
    private static final class ChangelogService extends ServiceSupport {
        private final Changelog changelog;
        private final ChangelogDigest digest;

        ChangelogService(Changelog changelog, ChangelogDigest digest) {
            this.changelog = changelog;
            this.digest = digest;
        }

        @Override
        protected void doStart() throws Exception {
            changelog.open();
        }

        @Override
        protected void doStop() throws Exception {
            digest.refresh();
            changelog.close();
        }
    }
}
