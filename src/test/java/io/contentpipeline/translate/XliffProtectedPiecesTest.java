package io.contentpipeline.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.pipeline.PipelineHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the parse of the whole body tells apart from text (a reference link's label, a
 * footnote reference, an address, a heading's attributes) goes out in the XLIFF draft as
 * inline codes with its original data, or not at all, and comes back byte for byte from a
 * tool that translates every target; a tool that alters one gets the return rejected with
 * {@code protected-token}, as a Markdown translator who changes one does.
 */
class XliffProtectedPiecesTest {


    /** Every construct in a few lines of French, for what the corpus' French sources lack: addresses, ids written with spaces or classes. */
    private static final String HAND_WRITTEN = """
            ---
            title: Les pièces protégées d'un article
            date: 2025-07-25
            ---

            Cet article explique comment installer, configurer et démarrer le service de
            traduction sans rien perdre de ce que le texte doit garder tel quel.

            ## Installer l'outil { #installer }

            Téléchargez l'archive depuis https://exemple.com/outil/telechargements et vérifiez
            sa somme de contrôle[^somme] avant de l'ouvrir. Écrivez à support@exemple.com si
            la somme ne correspond pas à celle de la page.

            ## Configurer le service {#configurer .important}

            Le guide de [configuration avancée][config] décrit chaque option du service, et
            la [FAQ][] répond aux questions que les équipes posent le plus souvent.

            ## Démarrer le service {.etape #demarrer}

            Ouvrez la console sur <https://exemple.com/console> puis suivez les étapes une à
            une, dans l'ordre où elles sont présentées.

            <p>Les notes de version sont sur <a title="version > 2" href='/notes/'>la page des notes</a>,
            mise à jour à chaque livraison du service.</p>

            [config]: https://exemple.com/docs/configuration "Guide de configuration"
            [FAQ]: /faq/

            [^somme]: La somme de contrôle est publiée à côté de l'archive, sur la même page.
            """;

    /** Pseudo-text is no language the detector is sure of: no return is rejected as being in another language. */
    private static final Map<String, String> PSEUDO_TEXT = Map.of("pipeline.detection.min-confidence", "1");

    /** What {@link PseudoTranslator#pseudo} puts around the text it accents: "[", and " ~~]". */
    private static final Pattern BRACKETS = Pattern.compile("^(\\s*)\\[(.*) ~+](.*)$", Pattern.DOTALL);

    @TempDir
    Path temp;

    @Test
    void everyProtectedPieceComesBackByteForByteFromAToolThatTranslatesEveryTarget() {
        PipelineHome home = new PipelineHome(temp, PSEUDO_TEXT);
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("getting-started.md", corpus("singles/otel__fr__docs__getting-started___index.md"));
        sources.put("index.md", corpus("pairs/otel-index/fr.md"));
        sources.put("distributions.md", corpus("pairs/otel-docs-concepts-distributions/fr.md"));
        sources.put("server-config.md", corpus("pairs/otel-docs-zero-code-java-agent-server-config/fr.md"));
        sources.put("pieces.md", HAND_WRITTEN);
        sources.forEach((name, text) -> home.drop("inbox/" + name, text));
        assertThat(home.runOnce()).isZero();

        List<String> drafts = home.files("outbox/translations/EN").stream().filter(name -> name.endsWith(".xlf")).toList();
        assertThat(drafts).hasSize(sources.size());
        Map<String, String> exported = new LinkedHashMap<>();
        for (String draft : drafts) {
            exported.put(draft.substring(0, draft.length() - ".xlf".length()), home.read("outbox/translations/EN/" + draft));
        }
        String pieces = exported.get(slugHolding(exported, "Téléchargez l'archive"));
        // The draft's codes: a reference's bracket and ][ref] around the words a translator translates
        // (a collapsed one's too, [FAQ][] written [FAQ][FAQ] by the draft), a footnote reference and an address as codes.
        assertThat(pieces).contains("<data id=\"d1\">https://exemple.com/outil/telechargements</data>",
                        "<data id=\"d2\">[^somme]</data>", "<data id=\"d3\">support@exemple.com</data>")
                .contains("<source>Téléchargez l'archive depuis <ph id=\"1\" dataRef=\"d1\"/> et vérifiez\nsa somme de contrôle"
                        + "<ph id=\"2\" dataRef=\"d2\"/> avant de l'ouvrir. Écrivez à <ph id=\"3\" dataRef=\"d3\"/> si")
                .contains("<data id=\"d1\">[</data><data id=\"d2\">][config]</data><data id=\"d3\">[</data><data id=\"d4\">][FAQ]</data>")
                .contains("<source>Le guide de <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">configuration avancée</pc> décrit")
                .contains("la <pc id=\"3\" dataRefStart=\"d3\" dataRefEnd=\"d4\">FAQ</pc> répond")
                .contains("<data id=\"d1\">&lt;https://exemple.com/console></data>")
                // Heading attributes are in no unit: the draft keeps them as the source has them.
                .contains("<source>Installer l'outil</source>", "<source>Configurer le service</source>", "<source>Démarrer le service</source>")
                .doesNotContain("#installer", "#configurer", ".important", "#demarrer");

        exported.forEach((slug, xliff) -> home.drop("inbox/translations/EN/" + slug + ".en.xlf", XliffTargets.filled(xliff, XliffProtectedPiecesTest::pseudoTranslate)));
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).as("rejected returns").isEmpty();
        // Each source by a French phrase, which the translation no longer has, and the pieces it keeps byte for byte.
        Map<String, List<String>> kept = new LinkedHashMap<>();
        kept.put("Téléchargez l'archive depuis", List.of(" { #installer }\n", "https://exemple.com/outil/telechargements",
                "[^somme]", "support@exemple.com", " {#configurer .important}\n", "][config]", "][FAQ]",
                " {.etape #demarrer}\n", "<https://exemple.com/console>", "<a title=\"version > 2\" href='/notes/'>",
                "[config]: https://exemple.com/docs/configuration \"Guide de configuration\"", "[FAQ]: /faq/", "[^somme]: "));
        // A collapsed reference's words are translated like any link's, its label kept after them.
        kept.put("Sélectionnez un rôle", List.of("[^1]", "[^1]: ", "][demo]", "][faites-le nous savoir]", "[demo]: /ecosystem/demo/"));
        kept.put("avec de nombreuses librairies", List.of("][s'intègre]", "][instrumentation]", "][utilisé]", "][leaders]",
                "][CNCF]", "][incubation]", "][CNCF logo]][cncf]", "[cncf]: https://cncf.io"));
        kept.put("Qui peut créer une distribution", List.of("{#what-is-a-distribution}", "{#follow-the-guidelines}",
                "][guidelines].", "[guidelines]:\n  https://github.com/open-telemetry/community/blob/main/marketing-guidelines.md"));
        kept.put("console d'administration de GlassFish", List.of("<http://localhost:4848>"));
        for (Map.Entry<String, List<String>> source : kept.entrySet()) {
            String slug = slugHolding(exported, source.getKey());
            JsonNode english = home.bundle(slug).get("languages").get("en");
            assertThat(english.get("status").asText()).as(slug).isEqualTo("current");
            String published = home.read("outbox/published/" + slug + "/index.en.md");
            assertThat(published).as(slug).contains(source.getValue()).doesNotContain(source.getKey());
        }
        // Each of those links still reaches its address, with translated words.
        assertThat(home.read("outbox/published/" + slugHolding(exported, "avec de nombreuses librairies") + "/index.en.html"))
                .contains("<a href=\"/ecosystem/integrations/\">š'îñtègŕé</a>", "<a href=\"https://cncf.io\">ÇÑÇF</a>",
                        "<img src=\"/img/logos/cncf-white.svg\" alt=\"ÇÑÇF ĺögö\">")
                .doesNotContain(">s'intègre</a>");
        assertThat(home.read("outbox/published/" + slugHolding(exported, "Téléchargez l'archive") + "/index.en.md"))
                .contains("Téĺéçháŕgéž").contains("[çöñfîgüŕátîöñ áváñçéé][config]");
    }

    @Test
    void aToolThatAltersAProtectedPieceHasTheReturnRejectedWithProtectedToken() {
        PipelineHome home = new PipelineHome(temp, PSEUDO_TEXT);
        String slug = publishHandWritten(home);
        String exported = home.read("outbox/translations/EN/" + slug + ".xlf");

        Map<String, UnaryOperator<String>> alterations = new LinkedHashMap<>();
        alterations.put("footnote [^somme]", data("[^somme]", "[^note]"));
        alterations.put("reference → https://exemple.com/docs/configuration", data("][config]", "][configuration]"));
        alterations.put("reference → /faq/", data("][FAQ]", "][Questions]"));
        alterations.put("address https://exemple.com/outil/telechargements", data("https://exemple.com/outil/telechargements",
                "https://exemple.org/outil/telechargements"));
        alterations.put("address support@exemple.com", data("support@exemple.com", "aide@exemple.com"));
        alterations.put("address https://exemple.com/console", data("&lt;https://exemple.com/console>", "&lt;https://exemple.com/admin>"));
        alterations.put("link /notes/", data("&lt;a title=\"version > 2\" href='/notes/'>", "&lt;a title=\"version > 2\" href='/nouvelles/'>"));
        int run = 0;
        for (Map.Entry<String, UnaryOperator<String>> alteration : alterations.entrySet()) {
            String name = slug + "-" + ++run + ".en.xlf";
            home.drop("inbox/translations/EN/" + name, XliffTargets.filled(alteration.getValue().apply(exported), XliffProtectedPiecesTest::pseudoTranslate));
            assertThat(home.runOnce()).isZero();
            JsonNode errors = home.json("outbox/rejected/" + name + ".errors.json").get("errors");
            assertThat(errors).as(alteration.getKey()).hasSize(1);
            assertThat(errors.get(0).get("code").asText()).isEqualTo("protected-token");
            assertThat(errors.get(0).get("message").asText()).isEqualTo("protected text missing or altered: " + alteration.getKey());
        }

        // A heading's id is in no unit, and a raw HTML tag's address is the translator's to keep in a
        // Markdown draft, which the pseudo-translation leaves alone: a Markdown return that changes one is rejected alike.
        String draft = home.read("outbox/translations/EN/" + slug + ".md");
        String returned = new PseudoTranslator(true, null, new io.contentpipeline.parse.ArticleParser(5_000_000),
                new io.contentpipeline.segment.Segmenter(new io.contentpipeline.markdown.MarkdownEngine())).translate(draft);
        assertThat(returned).contains("{ #installer }", "<a title=\"version > 2\" href='/notes/'>");
        Map<String, String> changes = Map.of("heading id #installer", returned.replace("{ #installer }", "{ #install }"),
                "link /notes/", returned.replace("href='/notes/'", "href='/nouvelles/'"));
        changes.forEach((token, changed) -> {
            String name = slug + "-" + token.charAt(0) + ".en.md";
            home.drop("inbox/translations/EN/" + name, changed);
            assertThat(home.runOnce()).isZero();
            JsonNode errors = home.json("outbox/rejected/" + name + ".errors.json").get("errors");
            assertThat(errors).as(token).hasSize(1);
            assertThat(errors.get(0).get("code").asText()).isEqualTo("protected-token");
            assertThat(errors.get(0).get("message").asText()).isEqualTo("protected text missing or altered: " + token);
        });
    }

    /**
     * A code's original data is read from its unit's {@code <originalData>} only. A tool that
     * moves a link's data into a note gets the return rejected at that unit, naming the code
     * and its data, where the note used to serve as original data; a {@code <data>} left in a
     * target is no original data, and the page keeps the draft's address (it used to replace it).
     */
    @Test
    void aCodesDataIsReadFromItsUnitsOriginalDataOnly() {
        PipelineHome home = new PipelineHome(temp, PSEUDO_TEXT);
        String slug = publishHandWritten(home);
        String exported = home.read("outbox/translations/EN/" + slug + ".xlf");
        java.util.regex.Matcher link = Pattern.compile("<data id=\"(d\\d+)\">&lt;a title=\"version > 2\" href='/notes/'></data>").matcher(exported);
        assertThat(link.find()).isTrue();
        String dataId = link.group(1);
        int unitStart = exported.lastIndexOf("<unit ", link.start());
        int unitTagEnd = exported.indexOf('>', unitStart) + 1;
        String unitId = exported.substring(unitStart).replaceFirst("(?s)^<unit id=\"([^\"]+)\".*", "$1");

        String inANote = exported.substring(0, unitStart) + exported.substring(unitStart, unitTagEnd) + "<notes><note>" + link.group()
                + "</note></notes>" + exported.substring(unitTagEnd, link.start()) + exported.substring(link.end());
        String filled = XliffTargets.filled(inANote, XliffProtectedPiecesTest::pseudoTranslate);
        home.drop("inbox/translations/EN/" + slug + "-note.en.xlf", filled);
        assertThat(home.runOnce()).isZero();
        JsonNode errors = home.json("outbox/rejected/" + slug + "-note.en.xlf.errors.json").get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("code").asText()).isEqualTo("xliff-invalid");
        assertThat(errors.get(0).get("field").asText()).isEqualTo(unitId);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(filled.substring(0, filled.indexOf("<unit id=\"" + unitId + "\"")).split("\n", -1).length);
        assertThat(errors.get(0).get("message").asText()).contains("names original data '" + dataId + "'", "not in the unit's <originalData>");

        String translated = XliffTargets.filled(exported, XliffProtectedPiecesTest::pseudoTranslate);
        int targetEnd = translated.indexOf("</target>", translated.indexOf("<unit id=\"" + unitId + "\""));
        String inATarget = translated.substring(0, targetEnd) + "<data id=\"" + dataId + "\">&lt;a href='/ailleurs/'></data>"
                + translated.substring(targetEnd);
        assertThat(inATarget).contains(">&lt;a href='/ailleurs/'></data></target>");
        home.drop("inbox/translations/EN/" + slug + "-target.en.xlf", inATarget);
        assertThat(home.runOnce()).isZero();
        assertThat(home.files("outbox/rejected")).noneMatch(name -> name.startsWith(slug + "-target"));
        assertThat(home.read("outbox/published/" + slug + "/index.en.md")).contains("href='/notes/'").doesNotContain("/ailleurs/");
    }

    private static String corpus(String article) {
        return CorpusArticles.input(CorpusArticles.root().resolve(article));
    }

    private static String slugHolding(Map<String, String> exported, String text) {
        return exported.entrySet().stream().filter(entry -> entry.getValue().contains(text)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no draft holds " + text));
    }

    /** Replaces one code's original data in the exported file, as a tool that rewrites it would. */
    private static UnaryOperator<String> data(String original, String altered) {
        return xliff -> {
            assertThat(xliff).contains(">" + original + "</data>");
            return xliff.replace(">" + original + "</data>", ">" + altered + "</data>");
        };
    }

    /**
     * The pseudo-translator's accented text without the brackets it puts around a whole segment's:
     * a run of text here is a part of one, and a bracket typed in a link's or an image's text
     * would open a link of its own.
     */
    private static void pseudoTranslate(Node node) {
        List<Node> children = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            children.add(child);
        }
        for (Node child : children) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                String pseudo = PseudoTranslator.pseudo(child.getNodeValue(), i -> true, PseudoTranslator.Form.PLAIN_TEXT);
                child.setNodeValue(BRACKETS.matcher(pseudo).replaceFirst("$1$2$3"));
            } else {
                pseudoTranslate(child);
            }
        }
    }

    /** Publishes the hand-written article with its protected pieces, and returns its slug, which names its XLIFF draft. */
    private static String publishHandWritten(PipelineHome home) {
        home.drop("inbox/pieces.md", HAND_WRITTEN);
        assertThat(home.runOnce()).isZero();
        return home.files("outbox/translations/EN").stream().filter(name -> name.endsWith(".xlf")).findFirst().orElseThrow()
                .replace(".xlf", "");
    }
}
