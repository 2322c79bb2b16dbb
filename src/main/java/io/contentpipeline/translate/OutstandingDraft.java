package io.contentpipeline.translate;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.LanguageEntry;
import io.contentpipeline.publish.TranslationState;
import io.contentpipeline.version.SourceArchive;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the draft still out in a language stands for a new source version. A translator
 * who has a draft of version 1 and not returned it yet has nothing new to do when version 2
 * only fixed a YAML flaw or changed tags or dates: a second draft of the same text would mark
 * every segment again and read as a second request. So when the language is awaited (not
 * {@code current}), the draft in outbox/translations/ is still the one issued for the version
 * it was requested for, and that version's text to translate is the new version's (the test
 * by which a translation is carried forward, {@link DraftWriter#sameTranslatableText}), the
 * draft stands: its return will be carried forward to the new version on arrival.
 */
final class OutstandingDraft {

    private final HomeLayout layout;
    private final SourceArchive sources;
    private final ArticleParser parser;
    private final Function<String, ParsedArticle> asDraftedNow;

    /** @param asDraftedNow a kept draft read as drafts are written now (full references), to compare its text with a new version's */
    OutstandingDraft(HomeLayout layout, SourceArchive sources, ArticleParser parser, Function<String, ParsedArticle> asDraftedNow) {
        this.layout = layout;
        this.sources = sources;
        this.parser = parser;
        this.asDraftedNow = asDraftedNow;
    }

    /**
     * The version whose draft, still out in this language, stands for the version being drafted;
     * empty when a new draft must go out.
     *
     * @param bundle  the bundle as it stands, read under the slug's lock
     * @param drafted the language-neutral draft of the new version
     */
    Optional<Integer> standingFor(BundleManifest bundle, String language, ParsedArticle drafted) throws IOException {
        TranslationState state = bundle.translations().get(language);
        if (state == null || LanguageEntry.CURRENT.equals(state.status()) || state.requestedVersion() < 1) {
            return Optional.empty(); // nothing awaited: a current translation is carried forward or reused instead
        }
        int version = state.requestedVersion();
        Optional<String> archived = sources.draft(bundle.slug(), version);
        if (archived.isEmpty()) {
            return Optional.empty();
        }
        ParsedArticle requested = asDraftedNow.apply(archived.get());
        // The draft given must still be out (not deleted by hand, not replaced): else the
        // translator has nothing in hand that stands for the new version. Only its block is
        // compared, so it is read as written, without rewriting its references.
        Optional<ParsedArticle> given = DraftOut.read(layout, parser, bundle.slug(), language);
        if (given.isEmpty() || !issuedFrom(given.get(), requested)) {
            return Optional.empty();
        }
        return DraftWriter.sameTranslatableText(requested, drafted) ? Optional.of(version) : Optional.empty();
    }

    /** outbox/translations/&lt;LANG&gt;/&lt;slug&gt;.md, relative to the home: where the draft out is. */
    String file(String slug, String language) {
        return layout.home().relativize(layout.draft(language, slug)).toString();
    }

    /** Whether the draft given names the source, version and content of the kept language-neutral draft. */
    private static boolean issuedFrom(ParsedArticle given, ParsedArticle requested) {
        try {
            return TranslationBlock.of(given.frontMatter()).matches(TranslationBlock.blockOf(requested.frontMatter()));
        } catch (RejectedInputException e) {
            return false;
        }
    }
}
