package io.contentpipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.contentpipeline.pipeline.SeedArticleTest.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new version that changes only the title. Its draft marks the segments whose source text
 * changed and no other. The summary an author did not write is extracted from the body with
 * the title as a bias (PageRank's jumps favour sentences close to the title): a new title can
 * choose another sentence, and then the summary's source text really changed, so it is marked
 * too, as the description would be if its text changed. With the author's own summary, the
 * title is marked alone.
 */
class TitleChangeTest {

    private static final String DRAFT = "outbox/translations/EN/role-cmo-pme.md";
    private static final String SOURCES = "outbox/sources/role-cmo-pme/";
    private static final String NEW_TITLE = "title: \"Le rôle du CMO en PME : bien plus qu’un chef de projet\"\n";
    private static final Pattern LISTED = Pattern.compile("(?m)^    - (\\S+)$");
    private static final Pattern TOP_FIELD = Pattern.compile("(?m)^(title|description|summary): .*\\n");

    @TempDir
    Path temp;

    @Test
    void aTitleChangedAloneMarksExactlyTheFieldsWhoseSourceTextChanged() {
        String derived = PipelineHome.resource(SEED).replaceAll("(?m)^(summary|description): .*\\n", "");
        List<String> marked = markedAfterATitleChange(temp.resolve("derived"), derived);
        List<String> changed = changedFields(temp.resolve("derived"));

        assertThat(marked).as("exactly the fields whose text differs between the two versions' drafts").isEqualTo(changed);
        assertThat(marked).as("the derived summary's text really changed with the title").containsExactly("fm.title", "fm.summary");

        List<String> authored = markedAfterATitleChange(temp.resolve("authored"), PipelineHome.resource(SEED));
        assertThat(authored).isEqualTo(changedFields(temp.resolve("authored"))).containsExactly("fm.title");
    }

    /** Publishes the article, has its English draft returned, then publishes it with a new title: the new draft's marked segments. */
    private static List<String> markedAfterATitleChange(Path folder, String article) {
        PipelineHome home = new PipelineHome(folder);
        home.drop("inbox/role.md", article);
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/translations/EN/role.md", Translator.fill(home.read(DRAFT), PipelineHome.resource(SeedArticleTest.SEED_EN)));
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle("role-cmo-pme").get("translations").get("en").get("status").asText()).isEqualTo("current");

        home.drop("inbox/role.md", article.replaceFirst("(?m)^title: .*\\n", NEW_TITLE));
        assertThat(home.runOnce()).isZero();
        String draft = home.read(DRAFT);
        assertThat(draft).contains("source_version: 2");
        List<String> marked = new ArrayList<>();
        Matcher item = LISTED.matcher(draft.substring(draft.indexOf("needs_work_segments:")));
        while (item.find()) {
            marked.add(item.group(1));
        }
        return marked;
    }

    /**
     * The fields whose text differs between the drafts archived for versions 1 and 2, checking
     * that nothing else of them differs (the other fields, the body) but their version block.
     */
    private static List<String> changedFields(Path folder) {
        PipelineHome home = new PipelineHome(folder);
        String v1 = home.read(SOURCES + "v1.draft.md");
        String v2 = home.read(SOURCES + "v2.draft.md");
        List<String> changed = new ArrayList<>();
        for (String key : List.of("title", "summary", "description")) {
            String line = "(?m)^" + key + ": .*$";
            Matcher before = Pattern.compile(line).matcher(v1);
            Matcher after = Pattern.compile(line).matcher(v2);
            if (before.find() && after.find() && !before.group().equals(after.group())) {
                changed.add("fm." + key);
            }
        }
        assertThat(withoutVersion(TOP_FIELD.matcher(v2).replaceAll(""))).isEqualTo(withoutVersion(TOP_FIELD.matcher(v1).replaceAll("")));
        return changed;
    }

    private static String withoutVersion(String draft) {
        return draft.replaceAll("(?m)^  source_(version|sha256): .*$", "");
    }
}
