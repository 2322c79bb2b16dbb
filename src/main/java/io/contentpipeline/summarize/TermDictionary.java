package io.contentpipeline.summarize;

import java.util.HashMap;
import java.util.Map;

/** Numbers the terms of one article, so that its sentence vectors can be compared as arrays. */
final class TermDictionary {

    private final Map<String, Integer> ids = new HashMap<>();

    int id(String term) {
        return ids.computeIfAbsent(term, unused -> ids.size());
    }
}
