package io.contentpipeline.parse;

import io.contentpipeline.article.RejectedInputException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Comments YAML finds on the line of an unquoted value: in {@code title: The CMO #1 priority}
 * the title is "The CMO", and " #1 priority" a comment. Front matter keeps no trace of them,
 * so a title or a tag typed with " #" was published cut short without a word. Read from
 * snakeyaml-engine's events, which give each comment with its kind and place.
 */
public final class InlineComments {

    private static final LoadSettings WITH_COMMENTS = LoadSettings.builder().setParseComments(true).build();

    /**
     * A comment after an unquoted value.
     *
     * @param key   the top-level key the value is under ({@code title}, {@code related_articles})
     * @param path  the value itself, keys and item indexes (from 0) joined by dots, as a segment
     *              id names it after {@code fm.}: {@code title}, {@code tags.0}, {@code related_articles.0.anchor}
     * @param lead  what its line holds before the value ({@code title:}, {@code - anchor:}, {@code -})
     * @param value the value as YAML read it, without the comment
     * @param words the comment's text after its "#", as typed: the words most likely meant as part of the value
     * @param line  the file line of the value
     */
    public record InlineComment(String key, String path, String lead, String value, String words, int line) {

        /** The line to write instead: the value and its words, quoted. */
        public String quotedLine() {
            String whole = value + " #" + words;
            return lead + " \"" + whole.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** What the innermost open collection reads next. */
    private enum Next { KEY, VALUE, ITEM }

    /** Where the walk is in one open collection: the key last read in a mapping, the index of the item in a sequence. */
    private static final class Level {
        private final boolean sequence;
        private String key;
        private int index = -1;

        Level(boolean sequence) {
            this.sequence = sequence;
        }

        /** A value starts in this collection: in a sequence, its next item. */
        void valueStarts() {
            if (sequence) {
                index++;
            }
        }

        String name() {
            return sequence ? String.valueOf(index) : key;
        }
    }

    private InlineComments() {
    }

    /** In the front matter of a whole text (an article, a return); none when it has no front matter YAML can read. */
    public static List<InlineComment> of(String text) {
        try {
            FrontMatterBlock block = FrontMatterBlock.locate(text);
            // Most front matter has no "#" at all: no second parse for it (about 0.1 ms an article).
            return block.yaml().indexOf('#') < 0 ? List.of() : in(block.yaml(), block.firstLine());
        } catch (RejectedInputException | YamlEngineException unreadable) {
            return List.of();
        }
    }

    static List<InlineComment> in(String yaml, int firstLine) {
        List<InlineComment> comments = new ArrayList<>();
        String[] lines = yaml.split("\n", -1);
        Deque<Next> open = new ArrayDeque<>();
        Deque<Level> levels = new ArrayDeque<>();
        String topKey = null;
        ScalarEvent lastValue = null;
        String lastPath = null;
        for (Event event : new Parse(WITH_COMMENTS).parseString(yaml)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    valueTaken(open);
                    if (!levels.isEmpty()) {
                        levels.peek().valueStarts();
                    }
                    open.push(event.getEventId() == Event.ID.MappingStart ? Next.KEY : Next.ITEM);
                    levels.push(new Level(event.getEventId() == Event.ID.SequenceStart));
                    lastValue = null;
                }
                case MappingEnd, SequenceEnd -> {
                    open.pop();
                    levels.pop();
                    lastValue = null;
                }
                case Scalar -> {
                    boolean isKey = open.peek() == Next.KEY;
                    if (isKey && open.size() == 1) {
                        topKey = ((ScalarEvent) event).getValue();
                    }
                    if (isKey) {
                        open.pop();
                        open.push(Next.VALUE);
                        levels.peek().key = ((ScalarEvent) event).getValue();
                        lastValue = null;
                    } else {
                        valueTaken(open);
                        if (!levels.isEmpty()) {
                            levels.peek().valueStarts();
                        }
                        lastValue = (ScalarEvent) event;
                        lastPath = path(levels);
                    }
                }
                case Comment -> {
                    CommentEvent comment = (CommentEvent) event;
                    if (lastValue != null && comment.getCommentType() == CommentType.IN_LINE
                            && lastValue.getScalarStyle() == ScalarStyle.PLAIN && !comment.getValue().isBlank()) {
                        ScalarEvent value = lastValue;
                        String key = topKey;
                        String path = lastPath;
                        value.getStartMark().ifPresent(mark -> comments.add(new InlineComment(key, path,
                                lead(lines[mark.getLine()], mark.getColumn()), value.getValue(),
                                comment.getValue(), mark.getLine() + firstLine)));
                    }
                    lastValue = null;
                }
                default -> lastValue = null;
            }
        }
        return comments;
    }

    /** The names of the open collections' current places, outermost first, joined by dots: related_articles.0.anchor. */
    private static String path(Deque<Level> levels) {
        StringBuilder path = new StringBuilder();
        for (var level = levels.descendingIterator(); level.hasNext(); ) {
            path.append(path.isEmpty() ? "" : ".").append(level.next().name());
        }
        return path.toString();
    }

    /** What the line holds before the value: its key, its list dash. */
    private static String lead(String line, int column) {
        return line.substring(0, Math.min(column, line.length())).strip();
    }

    /** A value was read in the innermost mapping: it waits for its next key. */
    private static void valueTaken(Deque<Next> open) {
        if (open.peek() == Next.VALUE) {
            open.pop();
            open.push(Next.KEY);
        }
    }
}
