package io.contentpipeline.check;

import io.contentpipeline.article.Severity;

import java.util.List;

/** One line of metadata-rules.yaml. Parameters a check does not use stay null. */
public record Rule(String field, RuleCheck check, Severity severity, String message,
                   String other, List<String> allowed, List<String> keys, Integer max) {
}
