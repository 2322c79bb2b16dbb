package io.contentpipeline.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Content terms of a text: Lucene's analyzer for the language tokenises, lower-cases,
 * removes elisions (l', d') and stopwords, and stems, so that "stratégie" and
 * "stratégiques" count as one term. Analyzers are thread-safe and built once.
 */
public final class TermAnalyzer {

    private final Map<String, Analyzer> analyzers = Map.of(
            "fr", new FrenchAnalyzer(),
            "en", new EnglishAnalyzer(),
            "es", new SpanishAnalyzer(),
            "de", new GermanAnalyzer(),
            "it", new ItalianAnalyzer(),
            "pt", new PortugueseAnalyzer(),
            "nl", new DutchAnalyzer());
    private final Analyzer fallback = new StandardAnalyzer();

    public List<String> terms(String text, String language) {
        Analyzer analyzer = analyzers.getOrDefault(language, fallback);
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 1 || Character.isDigit(term.charAt(0))) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return terms;
    }
}
