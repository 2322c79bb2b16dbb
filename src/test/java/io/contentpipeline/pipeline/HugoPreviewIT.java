package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hugo is a consumer of the bundles: the preview site in src/main/hugo, run by the real hugo
 * binary on a real outbox/published/, builds every language of an article at the URL its
 * bundle.json gives, with the other language linked as an alternate. Skipped where hugo is
 * not installed (.ci/run installs it).
 */
class HugoPreviewIT {

    /** What runs script in a page Hugo made: script and frame elements, handlers, script URLs in a link or source. */
    private static final Pattern SCRIPT = Pattern.compile(
            "(?i)<script|<iframe|\\son[a-z]+\\s*=|(?:href|src|action)\\s*=\\s*[\"']?\\s*(?:javascript|vbscript|data):");

    @TempDir
    Path temp;

    @Test
    void hugoBuildsEveryLanguageOfABundleAtTheUrlBundleJsonGives() throws Exception {
        assumeTrue(hugoInstalled(), "hugo is not installed (apt-get install hugo)");
        PipelineHome home = new PipelineHome(temp.resolve("home"), Map.of("pipeline.pseudo-translate", "true"));
        // A real CDS article with no canonical_url, so both languages get the default URLs.
        home.dropResource("corpus/pairs/cds-colocating-with-nrcan/fr.md", "nrcan.md");
        assertThat(home.runOnce()).isZero();

        hugo(home);

        JsonNode languages = home.bundle("nrcan").get("languages");
        assertThat(languages.size()).isEqualTo(2);
        for (String language : List.of("fr", "en")) {
            String other = language.equals("fr") ? "en" : "fr";
            Path page = temp.resolve("public" + URI.create(languages.get(language).get("url").asText()).getPath() + "index.html");
            assertThat(page).as("page at the URL bundle.json gives for " + language).isRegularFile();
            assertThat(page.resolveSibling("bundle.json")).as("the pipeline's own files are not published").doesNotExist();
            assertThat(Files.readString(page)).contains("<html lang=\"" + language + "\">")
                    .contains("hreflang=\"" + other + "\" href=\"" + languages.get(other).get("url").asText() + "\"")
                    .contains("<h1>" + languages.get(language).get("title").asText() + "</h1>").contains("<main>");
        }
    }

    /**
     * What the author sets for Hugo's addresses (a slug the pipeline normalises, a url and
     * aliases) must not cost a language its page: Hugo writes every language at the URL
     * bundle.json gives, the source's aliases redirect to the source's page, and no page is
     * written at the un-normalised slug.
     */
    @Test
    void hugoBuildsEveryLanguageAtItsOwnUrlWhenTheAuthorSetsSlugUrlOrAliases() throws Exception {
        assumeTrue(hugoInstalled(), "hugo is not installed (apt-get install hugo)");
        PipelineHome home = new PipelineHome(temp.resolve("home"), Map.of("pipeline.pseudo-translate", "true"));
        String body = """

                L'été à Montréal est une saison de festivals, de terrasses et de longues soirées au bord du fleuve. Les habitants profitent de chaque journée de soleil.

                Les touristes viennent du monde entier pour le festival de jazz, qui anime le centre-ville pendant deux semaines.
                """;
        home.drop("inbox/ete.md", "---\ntitle: \"Un été à Montréal\"\ndate: 2025-07-01\nlang: fr\nslug: \"Été à Montréal\"\n---\n" + body);
        home.drop("inbox/festival.md", "---\ntitle: \"Le festival de jazz\"\ndate: 2025-07-01\nlang: fr\n"
                + "url: /fr/festivals/jazz\naliases:\n  - /ancien-festival/\n---\n" + body);
        assertThat(home.runOnce()).isZero();

        hugo(home);

        for (String slug : List.of("ete-a-montreal", "festival")) {
            JsonNode languages = home.bundle(slug).get("languages");
            assertThat(languages.size()).isEqualTo(2);
            for (String language : List.of("fr", "en")) {
                String url = languages.get(language).get("url").asText();
                Path page = temp.resolve("public" + URI.create(url).getPath() + "index.html");
                assertThat(page).as(slug + ": page at the URL bundle.json gives for " + language + ", " + url).isRegularFile();
                assertThat(Files.readString(page)).as(slug + " " + language).contains("<html lang=\"" + language + "\">")
                        .contains("<h1>" + languages.get(language).get("title").asText() + "</h1>");
            }
        }
        assertThat(home.bundle("festival").get("languages").get("fr").get("url").asText())
                .isEqualTo("http://localhost:1313/fr/festivals/jazz/");
        assertThat(Files.readString(temp.resolve("public/ancien-festival/index.html")))
                .as("the alias redirects to the source's page").contains("http://localhost:1313/fr/festivals/jazz/");
        try (Stream<Path> written = Files.walk(temp.resolve("public"))) {
            assertThat(written.map(Path::toString)).as("no page at the slug as the author typed it").noneMatch(p -> p.contains("été"));
        }
    }

    /**
     * With raw HTML allowed (the preview site's setting, for WordPress articles), goldmark
     * passes on whatever HTML and link URLs the Markdown holds: the hostile article, source and
     * pseudo-translation, must come out of Hugo without script all the same.
     */
    @Test
    void hugoPublishesNoScriptFromAHostileArticle() throws Exception {
        assumeTrue(hugoInstalled(), "hugo is not installed (apt-get install hugo)");
        PipelineHome home = new PipelineHome(temp.resolve("home"), Map.of("pipeline.pseudo-translate", "true"));
        home.dropResource("xss/script-in-markdown.md", "piege.md");
        assertThat(home.runOnce()).isZero();

        hugo(home);

        List<String> found = new ArrayList<>();
        int pages = 0;
        for (String language : List.of("fr", "en")) {
            Path page = temp.resolve("public" + URI.create(home.bundle("piege").get("languages").get(language).get("url").asText()).getPath() + "index.html");
            String html = Files.readString(page);
            pages++;
            Matcher script = SCRIPT.matcher(html);
            while (script.find()) {
                found.add(language + ": " + script.group());
            }
            assertThat(html).contains("<details>").contains("target=\"_blank\"");
        }
        assertThat(pages).isEqualTo(2);
        assertThat(found).as("script in Hugo's pages").isEmpty();
    }

    /**
     * What the pipeline keeps as written, Hugo must read as the author meant it: a highlight
     * body is code Hugo escapes (none of its script runs), and a shortcode written without
     * spaces, {{<figure …>}}, still has its parameters, in the source and in its pseudo-translation.
     */
    @Test
    void hugoShowsHighlightCodeEscapedAndCompactShortcodesWhole() throws Exception {
        assumeTrue(hugoInstalled(), "hugo is not installed (apt-get install hugo)");
        PipelineHome home = new PipelineHome(temp.resolve("home"), Map.of("pipeline.pseudo-translate", "true"));
        home.drop("inbox/code.md", """
                ---
                title: "Un bouton en HTML"
                date: 2025-07-25
                lang: fr
                ---
                Cet article montre un bouton écrit en HTML, puis une figure écrite sans espaces, comme Hugo le permet.

                {{< highlight html >}}
                <button onclick="alert(1)">Cliquez ici</button>
                <script>alert(2)</script>
                {{< /highlight >}}

                {{<figure src="/images/bouton.png" caption="<b>Figure 1</b> : le bouton">}}

                Le bouton affiche un message quand on clique dessus : c'est tout ce qu'il fait, et il le fait bien.
                """);
        assertThat(home.runOnce()).isZero();

        hugo(home);

        for (String language : List.of("fr", "en")) {
            Path page = temp.resolve("public" + URI.create(home.bundle("code").get("languages").get(language).get("url").asText()).getPath() + "index.html");
            String html = Files.readString(page);
            assertThat(SCRIPT.matcher(html).find()).as(language + ": script in Hugo's page").isFalse();
            // Chroma wraps each token in a span: the code's text is what is left without them.
            assertThat(html.replaceAll("<span[^>]*>|</span>", "")).as(language)
                    .contains("<code class=\"language-html\" data-lang=\"html\">&lt;button onclick=&#34;alert(1)&#34;&gt;Cliquez ici&lt;/button&gt;")
                    .contains("&lt;script&gt;alert(2)&lt;/script&gt;");
            assertThat(html).as(language).contains("<img src=\"/images/bouton.png\"").contains("<b>Figure 1</b> : le bouton");
        }
    }

    /**
     * A text the author quoted is a text to Hugo too: written unquoted, Hugo's YAML reader
     * took "0x1F" for the number 31 and "1_000" for 1000.
     */
    @Test
    void hugoShowsQuotedTextsThatLookLikeNumbersAsTheAuthorWroteThem() throws Exception {
        assumeTrue(hugoInstalled(), "hugo is not installed (apt-get install hugo)");
        PipelineHome home = new PipelineHome(temp.resolve("home"));
        home.drop("inbox/hex.md", """
                ---
                title: "0x1F"
                description: "1_000"
                date: 2025-07-25
                lang: fr
                ---
                Le code 0x1F désigne le séparateur d'unités de la table ASCII, que nos exports utilisent entre deux champs.
                """);
        assertThat(home.runOnce()).isZero();

        hugo(home);

        Path page = temp.resolve("public" + URI.create(home.bundle("hex").get("languages").get("fr").get("url").asText()).getPath() + "index.html");
        assertThat(Files.readString(page)).contains("<h1>0x1F</h1>").contains("<p class=\"description\">1_000</p>");
    }

    /** An id attribute in a page, as Hugo and jsoup write them (ids have no quote). */
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

    /**
     * Every id of a bundle's outline is an anchor in the page Hugo builds from its
     * index.&lt;lang&gt;.md, and in our index.&lt;lang&gt;.html: on real articles whose headings
     * used to lose theirs in Hugo. Headings written as raw HTML (WordPress exports: Hugo gives
     * them no id, so the published Markdown carries it), one id for two same headings among
     * them, and Markdown headings whose id Hugo 0.111 makes from the text as written: a link's
     * URL, {@code &nbsp;}, {@code _emphasis_} count. Sources and their pseudo-translations.
     */
    @Test
    void everyOutlineIdIsAnAnchorInThePageHugoBuilds() throws Exception {
        assumeTrue(hugoInstalled(), "hugo is not installed (apt-get install hugo)");
        PipelineHome home = new PipelineHome(temp.resolve("home"), Map.of("pipeline.pseudo-translate", "true"));
        home.dropResource("corpus/pairs/cds-blog-cyber-safe-sherry/fr.md", "sherry.md");
        home.dropResource("corpus/pairs/cds-reschedule-a-citizenship-appointment/fr.md", "reschedule.md");
        home.dropResource("corpus/singles/cds__fr__blog__posts__la-fois-ou-la-tenue-dun-ama-a-ressemble-a-une-course-a-relais.md", "ama.md");
        home.dropResource("corpus/singles/cds__fr__blog__posts__comprendre-les-mentalites-changeantes-pour-mieux-concevoir-en-temps-de-pandemie.md",
                "mentalites.md");
        home.dropResource("corpus/singles/cds__en__blog__posts__how-a-new-directive-makes-it-easier-to-procure-software-in-the-gc.md",
                "directive.md");
        assertThat(home.runOnce()).isZero();

        hugo(home);

        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String slug : List.of("sherry", "reschedule", "ama", "mentalites", "directive")) {
            JsonNode languages = home.bundle(slug).get("languages");
            for (String language : (Iterable<String>) languages::fieldNames) {
                Path page = temp.resolve("public" + URI.create(languages.get(language).get("url").asText()).getPath() + "index.html");
                List<String> hugoIds = ids(Files.readString(page));
                List<String> ourIds = ids(home.read("outbox/published/" + slug + "/index." + language + ".html"));
                for (JsonNode heading : languages.get(language).get("outline")) {
                    String id = heading.get("id").asText();
                    checked++;
                    if (!hugoIds.contains(id)) {
                        missing.add(slug + " " + language + ": #" + id + " not in Hugo's page");
                    }
                    if (!ourIds.contains(id)) {
                        missing.add(slug + " " + language + ": #" + id + " not in index." + language + ".html");
                    }
                }
            }
        }
        assertThat(missing).as("outline ids missing from the pages").isEmpty();
        assertThat(checked).isGreaterThan(40);
        // Hugo's ids, as Hugo 0.111 made them for these headings.
        assertThat(outlineIds(home, "ama", "fr")).contains("yael---yaelbergerhttpstwittercomyaelberger", "charlotte");
        assertThat(outlineIds(home, "reschedule", "fr")).contains("les-demandeurs-ne-sont-pas-certains-de-ce-quest-une-nbspraison-valablenbsp");
        assertThat(outlineIds(home, "directive", "en")).contains("tldr--_too-long-didnt-read_");
        assertThat(outlineIds(home, "mentalites", "fr")).contains("énoncé-de-valeurs", "énoncé-de-valeurs-1");
        assertThat(home.read("outbox/published/sherry/index.fr.md")).contains("<h2 id=\"quelles-nouvelles-tendances-avez-vous-remarquées-dans-la-cybersécurité-de-la-fonction-publique\"><strong>")
                .as("an id of the author's stays as it is").contains("<h2 id=\"h-pouvez-vous-nous-parler-de-vous-et-de-votre-travail\">");
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher id = ID.matcher(html);
        while (id.find()) {
            ids.add(org.jsoup.parser.Parser.unescapeEntities(id.group(1), true));
        }
        return ids;
    }

    private static List<String> outlineIds(PipelineHome home, String slug, String language) {
        List<String> ids = new ArrayList<>();
        home.bundle(slug).get("languages").get(language).get("outline").forEach(heading -> ids.add(heading.get("id").asText()));
        return ids;
    }

    /**
     * Hugo's renderer reads a pseudo-translation as it reads its source: an address in the text
     * is still a link (goldmark links none after an unescaped "["), and a colon wrapped onto a
     * line of its own makes no definition list (nor "~~~]" a code fence in one).
     */
    @Test
    void hugoShowsAPseudoTranslationWithTheLinksAndBlocksOfItsSource() throws Exception {
        assumeTrue(hugoInstalled(), "hugo is not installed (apt-get install hugo)");
        PipelineHome home = new PipelineHome(temp.resolve("home"), Map.of("pipeline.pseudo-translate", "true"));
        home.drop("inbox/guide.md", """
                ---
                title: "Un guide"
                date: 2025-07-25
                lang: fr
                ---
                Le guide complet est sur https://example.com/guide et il explique tout ce qu'il faut savoir.

                1. Vous pouvez utiliser l'agent Java avec l'instrumentation du code octet, car
                   :
                   - il couvre plus de bibliothèques.
                """);
        assertThat(home.runOnce()).isZero();

        hugo(home);

        for (String language : List.of("fr", "en")) {
            Path page = temp.resolve("public" + URI.create(home.bundle("guide").get("languages").get(language).get("url").asText()).getPath() + "index.html");
            assertThat(Files.readString(page)).as(language).contains("<a href=\"https://example.com/guide\">").doesNotContain("<dl").doesNotContain("<pre");
        }
    }

    /** Runs the preview site over the home's outbox/published/ into temp/public. */
    private void hugo(PipelineHome home) throws IOException, InterruptedException {
        Path site = temp.resolve("site");
        copy(Path.of("src/main/hugo"), site);
        Path log = temp.resolve("hugo.log");

        Process hugo = new ProcessBuilder("hugo", "--source", site.toString(),
                "--contentDir", home.resolve("outbox/published").toString(),
                "--destination", temp.resolve("public").toString(), "--cacheDir", temp.resolve("cache").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(hugo.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(hugo.exitValue()).as(Files.readString(log)).isZero();
    }

    private static boolean hugoInstalled() {
        try {
            Process version = new ProcessBuilder("hugo", "version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = new ArrayList<>(walk.toList());
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            if (Files.isDirectory(file)) {
                Files.createDirectories(target);
            } else {
                Files.copy(file, target);
            }
        }
    }
}
