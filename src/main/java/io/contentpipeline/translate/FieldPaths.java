package io.contentpipeline.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sets a value in front-matter fields by a segment id: fm.title, fm.ai_tags.2, fm.related_articles.0.anchor. */
final class FieldPaths {

    private FieldPaths() {
    }

    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> fields, String id, String value) {
        String[] path = id.substring("fm.".length()).split("\\.");
        if (path.length == 1) {
            fields.put(path[0], value);
            return;
        }
        List<Object> list = new ArrayList<>((List<Object>) fields.get(path[0]));
        int index = Integer.parseInt(path[1]);
        if (path.length == 2) {
            list.set(index, value);
        } else {
            Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) list.get(index));
            item.put(path[2], value);
            list.set(index, item);
        }
        fields.put(path[0], list);
    }
}
