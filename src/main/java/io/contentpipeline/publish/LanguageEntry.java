package io.contentpipeline.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.contentpipeline.article.Heading;
import io.contentpipeline.article.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * bundle.json's record of one published language version. {@code translatedVersion} is set
 * on a translation carried forward: the source version its translator worked from, when
 * {@code sourceVersion} is a later one with the same translatable text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LanguageEntry(
        String title,
        String detectedLanguage,
        double detectionConfidence,
        String description,
        String summary,
        String summarySource,
        String descriptionSource,
        String url,
        int wordCount,
        int readingTimeMinutes,
        List<Heading> outline,
        String status,
        int sourceVersion,
        Integer translatedVersion,
        List<Problem> warnings,
        Map<String, String> files,
        String inputSha256,
        String inputFile,
        Instant acceptedAt) {

    public static final String SOURCE = "source";
    public static final String CURRENT = "current";
    public static final String OUTDATED = "outdated";
}
