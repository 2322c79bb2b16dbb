package io.contentpipeline.review;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.Severity;
import io.contentpipeline.markdown.ProtectedInline;
import io.contentpipeline.segment.Bead;
import io.contentpipeline.segment.BlockShape;
import io.contentpipeline.segment.BodyStructure;
import io.contentpipeline.segment.LinkOrImage;
import io.contentpipeline.segment.SegmentAligner;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The quality checks run on every returned translation against the source version it
 * translates, each problem with a code, a severity and a location (segment id and line in
 * the returned file). Errors reject the return; warnings travel with it into bundle.json.
 * Thresholds follow Okapi CheckMate's defaults where it has one; all were checked against
 * the real human translations of the corpus pairs (see docs/translators.md, "Checks on every return").
 */
public final class ReturnReview {

    static final double IDENTICAL_SHARE = 0.20;
    /** Okapi CheckMate's length-ratio bounds: target/source length, wider for a source of 20 characters or less. */
    static final int SHORT_SOURCE = 20;
    static final double LOW = 0.45;
    static final double HIGH = 2.0;
    static final double SHORT_LOW = 0.30;
    static final double SHORT_HIGH = 3.5;
    private static final String HEADING_ID = "heading id #";
    private static final int MIN_GAP_CHARS = 40;
    private static final int MIN_SENTENCE_WORDS = 5;
    /** Titles are short: three words are enough to tell an untranslated one from a shared name. */
    private static final int MIN_FIELD_WORDS = 3;
    private static final Pattern DOUBLED = Pattern.compile("(?iu)\\b(\\p{L}{2,})\\s+\\1\\b");
    private static final Set<String> LEGITIMATE_DOUBLES = Set.of("nous", "vous", "that", "had", "is", "le", "la");
    private static final Pattern FRENCH_SPACING = Pattern.compile("\\p{L}[\\s\\u00A0\\u202F\\u2009][:;!?](?=\\s|$)|[«»]");
    private static final Pattern ENGLISH_SPACING = Pattern.compile("\\p{L}[;!?](?=\\s|$)");
    /**
     * A value whose first and last characters are a word processor's typographic quotes:
     * title: "…" saved as title: “…”, which YAML reads as text, quotes included.
     */
    private static final Pattern SMART_QUOTED = Pattern.compile("^[\u201c\u201d\u201e\u2018\u2019\u201a].*[\u201c\u201d\u2018\u2019]$", Pattern.DOTALL);
    /** A value the author quoted whole, in any style: its translation may be quoted too. */
    private static final Pattern QUOTED = Pattern.compile("^[\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u2039\"'].*[\u201c\u201d\u2018\u2019\u00bb\u203a\"']$", Pattern.DOTALL);
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");
    /** A segment's leading and trailing white space, and any run of it: compiled once, not for each segment pair. */
    private static final Pattern LEADING_SPACE = Pattern.compile("^\\s*");
    private static final Pattern TRAILING_SPACE = Pattern.compile("\\s*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * How the blocks of a translation are paired with the source's. A Markdown return is paired
     * by the blocks' lengths, since its translator may split, merge or drop blocks. An XLIFF
     * return was rebuilt unit by unit in the draft's own layout, so while its blocks are of
     * the same kinds, block n translates block n: pairing by length would blame a very short
     * target on a neighbouring unit.
     */
    public enum Pairing { BY_LENGTH, BY_POSITION }

    public List<Problem> review(SegmentedArticle source, SegmentedArticle translation, String targetLanguage) {
        return review(source, translation, targetLanguage, Pairing.BY_LENGTH);
    }

    public List<Problem> review(SegmentedArticle source, SegmentedArticle translation, String targetLanguage, Pairing pairing) {
        return review(source, translation, targetLanguage, pairing, DraftQuotes.SOURCE);
    }

    /** @param quotes how the translator's draft shows the source's blocks, for the problems that quote one */
    public List<Problem> review(SegmentedArticle source, SegmentedArticle translation, String targetLanguage, Pairing pairing,
                                DraftQuotes quotes) {
        List<Problem> problems = new ArrayList<>();
        reviewFields(source.fields(), translation.fields(), targetLanguage, problems);
        // An XLIFF return is rebuilt on the draft's own headings: none can lose its marks.
        HeadingMarks.Outline outline = pairing == Pairing.BY_POSITION ? HeadingMarks.Outline.SAME : HeadingMarks.compare(source, translation);
        boolean sameOutline = reviewStructure(source, translation, outline, quotes, problems);
        // With the same headings, blocks pair up section by section. Without, they are paired
        // over the whole body, so that the translator learns of every other problem in one go.
        List<Bead> beads = new ArrayList<>();
        List<Segment> sourceWords = Wordless.without(source.body());
        List<Segment> translationWords = Wordless.without(translation.body());
        if (pairing == Pairing.BY_POSITION && sameKinds(source.body(), translation.body())) {
            for (int i = 0; i < source.body().size(); i++) {
                beads.add(new Bead(List.of(source.body().get(i)), List.of(translation.body().get(i))));
            }
        } else if (sameOutline) {
            beads.addAll(SegmentAligner.alignHeadings(sourceWords, translationWords));
            beads.addAll(SegmentAligner.alignBodies(sourceWords, translationWords));
            beads.addAll(Wordless.paired(source.body(), translation.body()));
        } else {
            // The outline was compared on this same pairing: made once, it is the review's costliest step.
            beads.addAll(outline.pairing().isEmpty() ? SegmentAligner.alignWhole(sourceWords, translationWords) : outline.pairing());
            beads.addAll(Wordless.paired(source.body(), translation.body()));
            locateHeadingChange(beads, quotes, problems);
        }
        locateInTranslation(beads, problems, "protected-token");
        locateCountChange(beads, quotes, problems, "structure-links", "link", source.structure().links(), translation.structure().links());
        locateCountChange(beads, quotes, problems, "structure-images", "image", source.structure().images(), translation.structure().images());
        reviewBody(beads, source.body(), translation.body(), targetLanguage, quotes, problems);
        return problems;
    }

    private static boolean sameKinds(List<Segment> source, List<Segment> translation) {
        return source.stream().map(Segment::kind).toList().equals(translation.stream().map(Segment::kind).toList());
    }

    private void reviewFields(List<Segment> source, List<Segment> translation, String language, List<Problem> problems) {
        Map<String, Segment> returned = translation.stream().collect(Collectors.toMap(Segment::id, s -> s, (a, b) -> a));
        for (Segment field : source) {
            Segment translated = returned.get(field.id());
            if (field.text().isBlank()) {
                // Empty in the source (the derived summary of a page without prose): nothing to translate.
                continue;
            }
            if (translated == null || translated.text().isBlank()) {
                // A field left empty is named at its line in the return; a deleted one has no line to name.
                problems.add(problem(Severity.ERROR, "field-missing", field.id(),
                        field.fieldName() + " is missing or empty; translate it or keep the source text",
                        translated != null && translated.line() > 0 ? translated.line() : null));
                continue;
            }
            if (SMART_QUOTED.matcher(translated.text().strip()).matches() && !QUOTED.matcher(field.text().strip()).matches()) {
                // Published as typed, the quotes would show around the title on the page and in
                // the browser's tab; the translator meant YAML's straight quotes.
                problems.add(problem(Severity.ERROR, "field-quotes", field.id(), field.fieldName()
                        + " is wrapped in typographic quotes (" + translated.text().strip().charAt(0) + "…"
                        + translated.text().strip().charAt(translated.text().strip().length() - 1)
                        + "), which YAML reads as part of the text, so they would be published; the source's has none:"
                        + " write straight quotes (\"…\"), as a word processor's smart quotes replace them, or none",
                        translated.line() > 0 ? translated.line() : null));
            }
            if (normalise(translated.text()).equals(normalise(field.text()))
                    && LETTERS.matcher(translated.text()).results().count() >= MIN_FIELD_WORDS) {
                // A warning: a product name can be a title in both languages. Taken as the
                // translation, it would also be reused as such in the next version's draft.
                problems.add(problem(Severity.WARNING, "field-identical", field.id(), field.fieldName()
                        + " is identical to the source: not translated?", translated.line() > 0 ? translated.line() : null));
            }
            reviewPair(new Bead(List.of(field), List.of(translated)), language, problems);
        }
    }

    /**
     * Structure errors; returns whether the headings match, so that blocks can be paired
     * section by section. A heading that is a paragraph on the other side ({@link HeadingMarks})
     * is no error: the line is published as the source has it, with a warning.
     */
    private boolean reviewStructure(SegmentedArticle source, SegmentedArticle translation, HeadingMarks.Outline outline,
                                    DraftQuotes quotes, List<Problem> problems) {
        BodyStructure expected = source.structure();
        BodyStructure actual = translation.structure();
        List<HeadingMarks.Mismatch> mismatches = outline.mismatches();
        boolean sameCount = expected.headingLevels().size() == actual.headingLevels().size();
        // As many headings, but not the same: one dropped and a paragraph made a heading elsewhere.
        boolean sameHeadings = sameCount && outline.corresponds();
        if (!mismatches.isEmpty()) {
            reviewMismatches(source, translation, mismatches, quotes, problems);
        } else if (!sameCount) {
            problems.add(problem(Severity.ERROR, "structure-headings", null, "number of headings differs from the source: "
                    + expected.headingLevels().size() + " expected, " + actual.headingLevels().size() + " found", null));
        } else if (!sameHeadings) {
            problems.add(problem(Severity.ERROR, "structure-headings", null, "the headings do not correspond to the source's,"
                    + " though there are as many (" + expected.headingLevels().size() + ")", null));
        } else if (!expected.headingLevels().equals(actual.headingLevels())) {
            problems.add(firstLevelChange(problem(Severity.WARNING, "structure-heading-levels", null, "heading levels differ from the source: "
                    + expected.headingLevels() + " expected, " + actual.headingLevels() + " found", null), source, translation, quotes));
        }
        if (expected.listItems() != actual.listItems()) {
            problems.add(firstDifference(problem(Severity.ERROR, "structure-list-items", null, "number of list items differs from the source: "
                    + expected.listItems() + " expected, " + actual.listItems() + " found", null), expected.lists(), actual.lists(), "list", " items"));
        } else {
            ListNesting.first(source, translation, quotes).ifPresent(problems::add);
        }
        if (!expected.tableShapes().equals(actual.tableShapes())) {
            problems.add(firstDifference(problem(Severity.ERROR, "structure-tables", null, "tables differ from the source (rows x columns): "
                    + expected.tableShapes() + " expected, " + actual.tableShapes() + " found", null), expected.tables(), actual.tables(), "table", ""));
        }
        // Human translators add or drop a link to an external page now and then; a warning, not a rejection.
        compare(problems, Severity.WARNING, "structure-links", "links", expected.links().size(), actual.links().size());
        compare(problems, Severity.ERROR, "structure-images", "images", expected.images().size(), actual.images().size());
        CodeBlocks.compare(expected.codeBlocks(), actual.codeBlocks(), problems);
        Map<String, Integer> missing = difference(expected.protectedTokens(), actual.protectedTokens());
        missing.keySet().removeIf(token -> token.startsWith(HEADING_ID) && actual.headingAnchors().contains(token.substring(HEADING_ID.length())));
        missing.keySet().removeIf(token -> linksKept(token, expected, actual));
        InlineCodeChanges.review(missing, difference(actual.protectedTokens(), expected.protectedTokens()), translation.body(), problems);
        List<String> movedLinks = RelativeLinks.missing(expected.relativeLinks(), actual.relativeLinks());
        if (!missing.isEmpty() || !movedLinks.isEmpty()) {
            List<String> lost = new ArrayList<>(missing.keySet());
            movedLinks.forEach(link -> lost.add("link " + link));
            // One problem per source block that held lost tokens, so that each names its place.
            Map<String, List<String>> bySegment = new LinkedHashMap<>();
            for (String token : lost) {
                bySegment.computeIfAbsent(holder(token, source.body()), id -> new ArrayList<>()).add(token);
            }
            bySegment.forEach((segment, tokens) -> problems.add(problem(Severity.ERROR, "protected-token",
                    segment.isEmpty() ? null : segment, "protected text missing or altered: " + String.join(", ", tokens), null)));
        }
        if (!difference(expected.htmlTags(), actual.htmlTags()).isEmpty() || !difference(actual.htmlTags(), expected.htmlTags()).isEmpty()) {
            problems.add(problem(Severity.WARNING, "markup-changed", null, "the raw HTML tags differ from the source's", null));
        }
        return sameHeadings;
    }

    /**
     * Whether a reference or an address the translation lacks as written is no loss: the
     * translation links to its target as often as the source does, in another form. A Markdown
     * translator may write a reference as an inline link, or link the words before an address
     * ({@code [Colin](https://twitter.com/…)} for the source's {@code [Colin] (https://twitter.com/…)}).
     * A label or an address altered in an XLIFF code leaves its target linked once less.
     */
    private static boolean linksKept(String token, BodyStructure expected, BodyStructure actual) {
        String target = ProtectedInline.target(token);
        return target != null && Collections.frequency(actual.linkTargets(), target) >= Collections.frequency(expected.linkTargets(), target);
    }

    /** A warning for each line published as the source has it, and the levels of the headings both sides have. */
    private static void reviewMismatches(SegmentedArticle source, SegmentedArticle translation, List<HeadingMarks.Mismatch> mismatches,
                                         DraftQuotes quotes, List<Problem> problems) {
        for (HeadingMarks.Mismatch mismatch : mismatches) {
            Segment from = mismatch.source();
            int line = mismatch.translation().line();
            problems.add(mismatch.restoresHeading()
                    ? problem(Severity.WARNING, "heading-restored", from.id(), "the heading " + quotes.at(from)
                            + " is a plain paragraph in the translation; it is published as a level-" + from.level() + " heading", line)
                    : problem(Severity.WARNING, "heading-not-in-source", from.id(), "the translation makes a heading of the paragraph "
                            + quotes.at(from) + "; it is published as a paragraph, as in the"
                            + " source (if it should be a heading, make it one in the source)", line));
        }
        List<Integer> expected = headingLevelsWithout(source.body(), mismatches);
        List<Integer> actual = headingLevelsWithout(translation.body(), mismatches);
        if (!expected.equals(actual)) {
            problems.add(problem(Severity.WARNING, "structure-heading-levels", null, "heading levels differ from the source: "
                    + expected + " expected, " + actual + " found (lines that are a heading on one side only aside)", null));
        }
    }

    private static List<Integer> headingLevelsWithout(List<Segment> body, List<HeadingMarks.Mismatch> mismatches) {
        Set<Segment> mismatched = new HashSet<>();
        mismatches.forEach(mismatch -> {
            mismatched.add(mismatch.source());
            mismatched.add(mismatch.translation());
        });
        return headings(body).stream().filter(heading -> !mismatched.contains(heading)).map(Segment::level).toList();
    }

    private void reviewBody(List<Bead> beads, List<Segment> source, List<Segment> translation, String language,
                            DraftQuotes quotes, List<Problem> problems) {
        Set<String> numbersFlagged = new HashSet<>();
        for (Bead bead : beads) {
            if (bead.target().isEmpty()) {
                Segment missing = bead.source().get(0);
                if (SegmentText.prose(missing.text()).strip().length() >= MIN_GAP_CHARS) {
                    // A raw HTML block can hold several paragraphs, so its pairing is only indicative.
                    Severity severity = missing.kind() == Segment.Kind.HTML ? Severity.WARNING : Severity.ERROR;
                    problems.add(problem(severity, "content-missing", missing.id(),
                            "no translation for the source block" + atDraftLine(missing.line()) + ": " + quotes.of(missing), null));
                }
            } else if (!bead.source().isEmpty()) {
                numbersFlagged.addAll(reviewPair(bead, language, problems));
            }
        }
        reviewNumbersOverall(source, translation, numbersFlagged, problems);
        reviewIdentical(source, translation, problems);
    }

    /**
     * Numbers are compared pair by pair, which misses one when the pairing is off (a paragraph
     * split in two, a merge); the whole text is compared too, for numbers not flagged yet.
     */
    private static void reviewNumbersOverall(List<Segment> source, List<Segment> translation, Set<String> flagged,
                                             List<Problem> problems) {
        Map<String, Integer> missing = difference(numbersOf(source), numbersOf(translation));
        missing.keySet().removeAll(flagged);
        if (!missing.isEmpty()) {
            problems.add(problem(Severity.WARNING, "number-missing", null, numbers(numbersOf(source), missing.keySet())
                    + " nowhere in the translation", null));
        }
    }

    private static List<String> numbersOf(List<Segment> segments) {
        return segments.stream().flatMap(segment -> SegmentText.numbers(segment.text()).stream()).toList();
    }

    /**
     * Prose left in the source text. Compared block by block, not through the pairing, so
     * that an untranslated paragraph is found wherever the alignment placed it.
     */
    private static void reviewIdentical(List<Segment> source, List<Segment> translation, List<Problem> problems) {
        Map<String, Segment> sourceProse = new HashMap<>();
        source.stream().filter(Segment::isProse).forEach(segment -> sourceProse.putIfAbsent(normalise(segment.text()), segment));
        int prose = 0;
        int identical = 0;
        for (Segment block : translation) {
            if (!block.isProse() || !isSentence(block.text())) {
                continue;
            }
            prose++;
            Segment original = sourceProse.get(normalise(block.text()));
            if (original != null) {
                identical++;
                problems.add(problem(Severity.WARNING, "segment-identical", original.id(),
                        "this block is identical to the source: not translated?", block.line()));
            }
        }
        if (prose > 0 && identical > IDENTICAL_SHARE * prose) {
            problems.add(problem(Severity.ERROR, "untranslated", null, identical + " of " + prose
                    + " prose blocks are identical to the source (more than " + Math.round(IDENTICAL_SHARE * 100) + "%)", null));
        }
    }

    /** The warnings that compare one source text with its translation; returns the numbers found missing. */
    private Set<String> reviewPair(Bead bead, String language, List<Problem> problems) {
        Segment first = bead.source().get(0);
        Integer line = bead.target().get(0).line() > 0 ? bead.target().get(0).line() : null;
        String source = bead.sourceText();
        String target = bead.targetText();
        Map<String, Integer> missingNumbers = difference(SegmentText.numbers(source), SegmentText.numbers(target));
        if (!missingNumbers.isEmpty()) {
            problems.add(problem(Severity.WARNING, "number-missing", first.id(), numbers(SegmentText.numbers(source), missingNumbers.keySet())
                    + " not in the translation", line));
        }
        int sourceLength = SegmentText.prose(source).strip().length();
        int targetLength = SegmentText.prose(target).strip().length();
        if (sourceLength > 0 && bead.isOneToOne()) {
            double ratio = (double) targetLength / sourceLength;
            double low = sourceLength <= SHORT_SOURCE ? SHORT_LOW : LOW;
            double high = sourceLength <= SHORT_SOURCE ? SHORT_HIGH : HIGH;
            if (ratio < low || ratio > high) {
                problems.add(problem(Severity.WARNING, "length-ratio", first.id(), String.format(Locale.ROOT,
                        "the translation is %.2f times the length of the source (expected %.2f to %.2f)", ratio, low, high), line));
            }
        }
        String prose = SegmentText.prose(target);
        String typed = SegmentText.proseAsTyped(target);
        Matcher typography = ("en".equals(language) ? FRENCH_SPACING : "fr".equals(language) ? ENGLISH_SPACING : null) == null
                ? null : ("en".equals(language) ? FRENCH_SPACING : ENGLISH_SPACING).matcher(typed);
        if (typography != null && typography.find()) {
            problems.add(problem(Severity.WARNING, "typography", first.id(), "en".equals(language)
                    ? "French punctuation in an English text: " + frenchSpacing(typed, typography)
                    : "English punctuation in a French text (no space before the mark): \"" + typography.group() + "\"", line));
        }
        Matcher doubled = DOUBLED.matcher(prose);
        while (doubled.find()) {
            if (!LEGITIMATE_DOUBLES.contains(doubled.group(1).toLowerCase(Locale.ROOT))) {
                problems.add(problem(Severity.WARNING, "doubled-word", first.id(), "doubled word: \"" + doubled.group() + "\"", line));
                break;
            }
        }
        if (bead.isOneToOne() && !edges(source).equals(edges(target))) {
            problems.add(problem(Severity.WARNING, "whitespace-changed", first.id(),
                    "leading or trailing white space differs from the source", line));
        }
        return missingNumbers.keySet();
    }

    /** Prose worth translating: a few words at least. Names, product labels and one-word items read the same in both languages. */
    private static boolean isSentence(String text) {
        return LETTERS.matcher(SegmentText.prose(text)).results().count() >= MIN_SENTENCE_WORDS;
    }

    private static String edges(String text) {
        Matcher lead = LEADING_SPACE.matcher(text);
        Matcher trail = TRAILING_SPACE.matcher(text);
        return (lead.find() ? lead.group() : "") + "|" + (trail.find() ? trail.group() : "");
    }

    private static void compare(List<Problem> problems, Severity severity, String code, String what, int expected, int actual) {
        if (expected != actual) {
            problems.add(problem(severity, code, null,
                    "number of " + what + " differs from the source: " + expected + " expected, " + actual + " found", null));
        }
    }

    /** What {@code left} has more of than {@code right}, as a multiset. */
    static Map<String, Integer> difference(List<String> left, List<String> right) {
        Map<String, Integer> counts = new HashMap<>();
        left.forEach(item -> counts.merge(item, 1, Integer::sum));
        right.forEach(item -> counts.computeIfPresent(item, (k, v) -> v > 1 ? v - 1 : null));
        return new TreeMap<>(counts);
    }

    private static String normalise(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ");
    }

    /**
     * " (draft line 12)": where a source block is in the draft its translator was given, or
     * nothing when that line is not known (0), as for an XLIFF return: its translator never saw
     * that Markdown, and the problem's segment id names the unit.
     */
    static String draftLine(int line) {
        return line > 0 ? " (draft line " + line + ")" : "";
    }

    /** " at draft line 12", or nothing when that line is not known. */
    static String atDraftLine(int line) {
        return line > 0 ? " at draft line " + line : "";
    }

    /** "the list at draft line 12", or "the 2nd list" when that line is not known. */
    static String the(String noun, int index, int line) {
        if (line > 0) {
            return "the " + noun + " at draft line " + line;
        }
        int rank = index + 1;
        String suffix = rank % 100 / 10 == 1 ? "th" : switch (rank % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return "the " + rank + suffix + " " + noun;
    }

    static String excerpt(String text) {
        String flat = normalise(text);
        return flat.length() > 60 ? flat.substring(0, 57) + "…" : flat;
    }

    /**
     * Names the first list (or table) that differs, taken in order in both files ("the list at
     * draft line 5: 3 items in the source, 2 items in the translation"), with its line in the
     * translation.
     */
    private static Problem firstDifference(Problem problem, List<BlockShape> expected, List<BlockShape> actual, String noun, String unit) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String where;
            Integer line = null;
            if (i >= actual.size()) {
                where = the(noun, i, expected.get(i).line()) + " has no counterpart in the translation";
            } else if (i >= expected.size()) {
                line = actual.get(i).line();
                where = "the translation has a " + noun + " the source does not";
            } else if (!expected.get(i).size().equals(actual.get(i).size())) {
                line = actual.get(i).line();
                where = the(noun, i, expected.get(i).line()) + ": " + expected.get(i).size() + unit
                        + " in the source, " + actual.get(i).size() + unit + " in the translation";
            } else {
                continue;
            }
            return problem(problem.severity(), problem.code(), problem.field(), problem.message() + "; first: " + where, line);
        }
        return problem;
    }

    /**
     * Points the structure-headings error at the first heading that lost (or gained) its
     * counterpart in the whole-body pairing: a heading turned into a paragraph, deleted, or
     * added. A lost heading is named by its segment id; an added one by its line.
     */
    private static void locateHeadingChange(List<Bead> beads, DraftQuotes quotes, List<Problem> problems) {
        for (int index = 0; index < beads.size(); index++) {
            Bead bead = beads.get(index);
            List<Segment> lost = headings(bead.source());
            List<Segment> added = headings(bead.target());
            if (lost.size() == added.size()) {
                continue;
            }
            String field;
            Integer line;
            String where;
            if (lost.size() > added.size()) {
                Segment heading = lost.get(added.size());
                field = heading.id();
                line = bead.target().isEmpty() ? lineAfter(beads, index) : bead.target().get(0).line();
                where = "the heading " + quotes.at(heading) + " has no heading in the translation";
            } else {
                Segment heading = added.get(lost.size());
                field = null;
                line = heading.line();
                where = "the translation has a heading the source does not: \"" + excerpt(heading.text()) + "\"";
            }
            problems.replaceAll(problem -> "structure-headings".equals(problem.code())
                    ? problem(problem.severity(), problem.code(), field, problem.message() + "; first: " + where, line)
                    : problem);
            return;
        }
    }

    /**
     * The line of the first translated block after a heading deleted with nothing in its place
     * (a heading is never paired in a merge): where it should be. Null when none follows.
     */
    private static Integer lineAfter(List<Bead> beads, int index) {
        for (int next = index + 1; next < beads.size(); next++) {
            List<Segment> target = beads.get(next).target();
            if (!target.isEmpty() && target.get(0).line() > 0) {
                return target.get(0).line();
            }
        }
        return null;
    }

    /**
     * Points a structure-links or structure-images problem at the first pair of blocks whose
     * numbers differ: the source block's id, and the line of the translation's block ({@link BlockCounts}).
     */
    private static void locateCountChange(List<Bead> beads, DraftQuotes quotes, List<Problem> problems, String code, String noun,
                                          List<LinkOrImage> source, List<LinkOrImage> translation) {
        if (problems.stream().noneMatch(problem -> code.equals(problem.code()))) {
            return;
        }
        BlockCounts.first(beads, source, translation, noun, quotes).ifPresent(first -> problems.replaceAll(problem -> code.equals(problem.code())
                ? problem(problem.severity(), problem.code(), first.segment(), problem.message() + "; first: " + first.where(), first.line())
                : problem));
    }

    /**
     * The id of the first source block that holds the token ("" when none does, as for a shortcode
     * rewritten): one of its protected spans (a reference, which the token names by its target,
     * a footnote reference, an address), or else its text.
     */
    private static String holder(String token, List<Segment> body) {
        for (Segment segment : body) {
            if (segment.protectedSpans().stream().anyMatch(span -> token.equals(span.token()))) {
                return segment.id();
            }
        }
        String kind = token.substring(0, token.indexOf(' '));
        String value = token.substring(token.indexOf(' ') + 1);
        String needle = switch (kind) {
            case "heading" -> "{" + value.substring(Math.max(0, value.indexOf('#')));
            case "shortcode" -> value.split(" ")[0];
            default -> value;
        };
        return body.stream().filter(segment -> segment.text().contains(needle)).map(Segment::id).findFirst().orElse("");
    }

    /** Gives problems of this code that name a source block the line of that block's counterpart in the translation. */
    private static void locateInTranslation(List<Bead> beads, List<Problem> problems, String code) {
        Map<String, Integer> lines = new HashMap<>();
        for (Bead bead : beads) {
            if (!bead.target().isEmpty()) {
                bead.source().forEach(segment -> lines.putIfAbsent(segment.id(), bead.target().get(0).line()));
            }
        }
        problems.replaceAll(problem -> code.equals(problem.code()) && problem.field() != null && problem.line() == null
                ? problem(problem.severity(), problem.code(), problem.field(), problem.message(), lines.get(problem.field()))
                : problem);
    }

    private static List<Segment> headings(List<Segment> segments) {
        return segments.stream().filter(segment -> segment.kind() == Segment.Kind.HEADING).toList();
    }

    /**
     * The French spacing found, with the word it follows and the space named: the match alone
     * ("E ?", the last letter of "SME") did not say where, and a no-break space, which is what
     * French keyboards and word processors put there, looks like any space.
     */
    private static String frenchSpacing(String text, Matcher found) {
        String mark = found.group();
        if (mark.length() == 1) {
            return "\"" + mark + "\" (French quotation marks; English uses \u201c \u201d)";
        }
        int start = found.start();
        while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, found.start() + 1);
        char space = mark.charAt(1);
        String spaceName = space == '\u00A0' ? "a no-break space" : space == '\u202F' ? "a narrow no-break space"
                : space == '\u2009' ? "a thin space" : "a space";
        char punctuation = mark.charAt(2);
        return "\"" + word + " " + punctuation + "\" (" + spaceName + " before \"" + punctuation + "\"; English writes \""
                + word + punctuation + "\")";
    }

    /**
     * Points the heading-levels warning at the first heading whose level changed, by its text,
     * draft line and segment id, and its line in the return: "[3, 3, 3, 3, 3] expected, [3, 3,
     * 3, 3, 2] found" left the translator counting headings. Used once the headings correspond
     * one to one; left as it is when the segments do not hold every heading.
     */
    private static Problem firstLevelChange(Problem problem, SegmentedArticle source, SegmentedArticle translation, DraftQuotes quotes) {
        List<Segment> expected = headings(source.body());
        List<Segment> actual = headings(translation.body());
        if (expected.size() != actual.size()) {
            return problem;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).level() != actual.get(i).level()) {
                return problem(problem.severity(), problem.code(), expected.get(i).id(), problem.message() + "; first: the heading "
                        + quotes.at(expected.get(i)) + " is " + "#".repeat(expected.get(i).level()) + " in the source, "
                        + "#".repeat(actual.get(i).level()) + " in the translation", actual.get(i).line() > 0 ? actual.get(i).line() : null);
            }
        }
        return problem;
    }

    /**
     * "number 6 of the source is" or "numbers 6, 12, 24 of the source are", in the source's
     * order: sorted as text, "6, 12 and 24 months" was reported as "number 12, 24, 6 … is".
     */
    private static String numbers(List<String> inSourceOrder, Set<String> missing) {
        List<String> named = inSourceOrder.stream().filter(missing::contains).distinct().toList();
        return named.size() == 1 ? "number " + named.get(0) + " of the source is"
                : "numbers " + String.join(", ", named) + " of the source are";
    }

    static Problem problem(Severity severity, String code, String segment, String message, Integer line) {
        return new Problem(severity, code, segment, message, line, null);
    }
}
