package io.contentpipeline.markdown;

import com.vladsch.flexmark.util.ast.Document;
import io.contentpipeline.article.Heading;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heading ids as Hugo 0.111 gives them. The expected Markdown ids are what hugo v0.111.3
 * (Debian) wrote for these very headings with the preview site's configuration.
 */
class HeadingAnchorsTest {

    private static final Pattern HEADING_ID = Pattern.compile("<h[1-6][^>]*?\\sid=\"([^\"]*)\"");

    private final MarkdownEngine markdown = new MarkdownEngine();

    @Test
    void markdownHeadingsGetTheIdsHugoGivesThem() {
        String body = """
                ## Foo {.cls}

                ## Foo

                ## Foo

                ## foo-1

                ## Foo

                Multi line
                setext heading
                ==============

                ## Yael - [@yaelberger](https://twitter.com/yaelberger)

                ## une «&nbsp;raison valable&nbsp;» ?

                ## Tab\there  two  spaces

                ## Trailing ###

                ## C# and F#

                ## `code` *em* __strong__ \\*esc\\*

                ## Ünïcödé ÀÉÎ İstanbul ǅ ß

                ## Nbsp sep — dash – x

                ## Explicit {#foo-2}

                ## Foo

                #

                ## ###

                >  ## In quote

                - ## In list

                ## Emoji 😀 done

                ## Arabic ٣ digit Ⅻ roman

                ## A_b c\\_d

                ## <i>Tag</i> [ref][r]

                ## Ends in brace {x}

                ## Img ![alt text](/a.png)

                ##   lead  sp

                ## \\# not closing \\#

                Hard\s\s
                break
                ---

                [r]: /url
                """;
        List<String> hugo = List.of("foo", "foo-1", "foo-2", "foo-1-1", "foo-3", "setext-heading",
                "yael---yaelbergerhttpstwittercomyaelberger", "une-nbspraison-valablenbsp-", "tabhere--two--spaces", "trailing",
                "c-and-f", "code-em-__strong__-esc", "ünïcödé-àéî-istanbul-ǆ-ß", "nbsp-sep--dash--x",
                "foo-2", "foo-4", "heading", "heading-1", "in-quote", "in-list", "emoji--done", "arabic-٣-digit--roman", "a_b-c_d",
                "itagi-refr", "ends-in-brace-x", "img-alt-textapng", "lead--sp", "-not-closing-", "break");

        Document document = markdown.parse(body);
        assertThat(markdown.outline(document)).extracting(Heading::id).containsExactlyElementsOf(hugo);
        assertThat(ids(markdown.render(document))).as("our page").containsExactlyElementsOf(hugo);
        assertThat(markdown.withHeadingIds(body)).as("Hugo makes these itself").isSameAs(body);
    }

    /** Hugo reads the published Markdown, whose raw HTML has lost the attributes the policy refuses. */
    @Test
    void aMarkdownHeadingsIdIsMadeFromItsTextAsPublished() {
        String body = "## Inline <span class=\"k\">html</span> and <b onclick=\"x()\">bold</b>\n";

        assertThat(new SafeMarkdown(markdown).clean(body)).isEqualTo("## Inline <span>html</span> and <b>bold</b>\n");
        assertThat(markdown.outline(markdown.parse(body))).extracting(Heading::id).containsExactly("inline-spanhtmlspan-and-bboldb");
    }

    /** Hugo reads a shortcode's output or a placeholder where it stands: no id is known for it. */
    @Test
    void aHeadingWithAShortcodeIsNoEntryAndTakesNoIdFromTheOthers() {
        String body = "## Foo {{< x >}}\n\n## Foo\n\n## Foo {{% x %}}\n\nText.\n";

        Document document = markdown.parse(body);
        assertThat(markdown.outline(document)).extracting(Heading::id).containsExactly("foo");
        assertThat(ids(markdown.render(document))).containsExactly("foo");
        Document masked = markdown.parseMasked(body, HighlightBodies.in(body));
        assertThat(markdown.outline(masked)).extracting(Heading::id).containsExactly("foo");
    }

    @Test
    void rawHtmlHeadingsWithoutIdGetOneWrittenIntoTheirTag() {
        String body = """
                ## Learn more!

                <h2 class="wp-block-heading"><strong>Learn more!</strong></h2>

                <div>
                <h3>Kept</h3>
                <h3 id="kept">Kept</h3>
                <H4>Upper &amp; case</H4>
                <h4> </h4>
                </div>

                > <h2>In a quote</h2>
                > <h2>Learn more!</h2>

                ```
                <h2>In code</h2>
                ```
                """;

        String written = markdown.withHeadingIds(body);

        assertThat(written).isEqualTo("""
                ## Learn more!

                <h2 id="learn-more-1" class="wp-block-heading"><strong>Learn more!</strong></h2>

                <div>
                <h3 id="kept-1">Kept</h3>
                <h3 id="kept">Kept</h3>
                <H4 id="upper--case">Upper &amp; case</H4>
                <h4> </h4>
                </div>

                > <h2 id="in-a-quote">In a quote</h2>
                > <h2 id="learn-more-2">Learn more!</h2>

                ```
                <h2>In code</h2>
                ```
                """);
        List<Heading> outline = markdown.outline(markdown.parse(written));
        assertThat(outline).extracting(Heading::id)
                .containsExactly("learn-more", "learn-more-1", "kept-1", "kept", "upper--case", "in-a-quote", "learn-more-2");
        assertThat(outline).extracting(Heading::text).contains("Upper & case");
        assertThat(markdown.outline(markdown.parse(body))).as("the same ids before they are written").isEqualTo(outline);
        assertThat(ids(SafeHtml.clean(markdown.render(markdown.parse(written))))).as("our page")
                .containsAll(outline.stream().map(Heading::id).toList());
        assertThat(markdown.withHeadingIds(written)).as("written once").isSameAs(written);
        assertThat(markdown.withoutWrittenHeadingIds(written)).isEqualTo(body);
    }

    /** An id of the author's that is not the one the pipeline would write stays when the written ones go. */
    @Test
    void onlyTheIdsThePipelineWouldWriteAreTakenBackOut() {
        String published = "<h2 id=\"h-intro\">Intro</h2>\n\n<h2 id=\"next\">Next</h2>\n\n<h2 class=\"x\" id=\"later\">Later</h2>\n";

        assertThat(markdown.withoutWrittenHeadingIds(published))
                .isEqualTo("<h2 id=\"h-intro\">Intro</h2>\n\n<h2>Next</h2>\n\n<h2 class=\"x\" id=\"later\">Later</h2>\n");
    }

    @Test
    void anchorsAreHugosGithubStyle() {
        assertThat(HeadingIds.anchor("Qu’est-ce qu’une « raison » ?")).isEqualTo("quest-ce-quune--raison--");
        assertThat(HeadingIds.anchor("İ ǅ Ⅻ x²")).isEqualTo("i-ǆ--x");
        assertThat(new HeadingIds.Page().generate("!!")).isEqualTo("heading");
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher id = HEADING_ID.matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }
}
