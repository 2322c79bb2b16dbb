package io.contentpipeline.article;

import java.util.List;

/** A stage result that produced changelog events; the routes record them after the stage. */
public interface HasEvents {

    List<ChangelogEvent> events();
}
