package io.contentpipeline.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * Where each language version of an article lives on the public site: the source's
 * {@code canonical_url} when it has one, else where Hugo puts the source's own {@code url}
 * (translations never carry it), otherwise the language's base URL plus the slug.
 * Base URLs come from {@code pipeline.base-url.<lang>}, else {@code pipeline.base-url}/lang/.
 */
public final class PublicUrls {

    private final String defaultBase;
    private final Map<String, String> baseByLanguage;

    public PublicUrls(String defaultBase, Map<String, String> baseByLanguage) {
        this.defaultBase = withSlash(defaultBase);
        this.baseByLanguage = Map.copyOf(baseByLanguage);
    }

    public String url(String slug, LanguageVersion version, boolean isSource) {
        if (isSource) {
            var canonical = version.frontMatter().text("canonical_url");
            if (canonical.isPresent()) {
                return canonical.get();
            }
            // Hugo reads front-matter keys in any case (URL:).
            Optional<String> own = version.frontMatter().fields().keySet().stream().filter("url"::equalsIgnoreCase).findFirst()
                    .flatMap(key -> version.frontMatter().text(key)).flatMap(url -> hugoUrl(url, version.language()));
            if (own.isPresent()) {
                return own.get();
            }
        }
        return base(version.language()) + slug + "/";
    }

    /**
     * The page's URL as Hugo makes it from a front-matter {@code url}: a path from the site's
     * root when it starts with {@code /}, else from the language's root; {@code .} and
     * {@code ..} resolved; a folder (a trailing {@code /} added) unless its last segment has an
     * extension ({@code /page.html}); case kept; spaces and non-ASCII letters percent-encoded.
     * Empty when Hugo would not build it: a URL with a scheme, which Hugo refuses.
     */
    private Optional<String> hugoUrl(String url, String language) {
        String path = url.strip();
        if (path.isEmpty() || path.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        String root = path.startsWith("/") ? defaultBase : base(language);
        String relative = path.replaceFirst("^/+", "");
        int lastSlash = relative.lastIndexOf('/');
        if (!relative.isEmpty() && !relative.endsWith("/") && relative.indexOf('.', lastSlash + 1) < 0) {
            relative += "/";
        }
        try {
            String encoded = new URI(null, null, "/" + relative, null).normalize().toASCIIString();
            return Optional.of(root + encoded.replaceFirst("^/+(\\.\\./)*", ""));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private String base(String language) {
        String configured = baseByLanguage.get(language);
        return configured != null ? withSlash(configured) : defaultBase + language + "/";
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
