package io.contentpipeline.check;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** The metadata rules from metadata-rules.yaml, applied to a front matter. */
public final class MetadataRules {

    private final List<Rule> rules;

    public MetadataRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static MetadataRules load(String resource) {
        ObjectMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = MetadataRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("metadata rules not found on the class path: " + resource);
            }
            List<Rule> rules = mapper.readValue(in, new TypeReference<List<RawRule>>() {
            }).stream().map(RawRule::toRule).toList();
            return new MetadataRules(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metadata rules " + resource, e);
        }
    }

    /** The problems of an author's front matter, each named by its field ({@code seo_keywords}), as the article's other checks name one. */
    public List<Problem> check(FrontMatter frontMatter) {
        return check(frontMatter, (rule, finding) -> rule.field());
    }

    /**
     * The problems of a returned translation's front matter, each named as the return's other
     * checks name a field: by its segment id, {@code fm.title}, {@code fm.seo_keywords.1} (items
     * from 0), {@code fm.related_articles.0.anchor}. A translator's report used to name the
     * same title {@code title} for metadata.text and {@code fm.title} for field-quotes.
     */
    public List<Problem> checkTranslated(FrontMatter frontMatter) {
        return check(frontMatter, (rule, finding) -> "fm." + finding.path());
    }

    private List<Problem> check(FrontMatter frontMatter, BiFunction<Rule, Finding, String> naming) {
        return rules.stream()
                .flatMap(rule -> rule.check().findings(frontMatter, rule).stream()
                        .map(finding -> new Problem(rule.severity(), "metadata." + rule.check().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                                naming.apply(rule, finding), finding.message(), finding.line(), finding.column())))
                .toList();
    }

    /**
     * The rules that ask for a text (title, description, summary, the items of seo_keywords…),
     * alone: a returned translation's fields are held to them too, while the rest (a date, an
     * author) is the source's business.
     */
    public MetadataRules textRules() {
        return new MetadataRules(rules.stream().filter(rule -> rule.check() == RuleCheck.TEXT || rule.check() == RuleCheck.TEXT_ITEMS)
                .toList());
    }

    public int size() {
        return rules.size();
    }

    /** The YAML shape: severity written in lower case. */
    private record RawRule(String field, RuleCheck check, String severity, String message,
                           String other, List<String> allowed, List<String> keys, Integer max) {
        Rule toRule() {
            return new Rule(field, check, Severity.valueOf(severity.toUpperCase(Locale.ROOT)), message, other, allowed, keys, max);
        }
    }
}
