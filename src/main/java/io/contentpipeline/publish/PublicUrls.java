package io.contentpipeline.publish;

import java.util.Map;

/**
 * Where each language version of an article lives on the public site: the source's
 * {@code canonical_url} when it has one, otherwise the language's base URL plus the slug.
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
        }
        return base(version.language()) + slug + "/";
    }

    private String base(String language) {
        String configured = baseByLanguage.get(language);
        return configured != null ? withSlash(configured) : defaultBase + language + "/";
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
