package io.contentpipeline.segment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentAlignerTest {

    /** cds-why-canada-needs-a-digital-service: seven paragraphs of similar length, in French and in English. */
    private static final List<String> FRENCH = List.of(
            "Pendant plusieurs mois, j’ai travaillé en coulisses pour défendre cette cause qu’est le Service numérique canadien (SNC). J’ai beaucoup réfléchi à la raison d’être d’une organisation dédiée aux services numériques au Canada, ainsi qu’au potentiel de cette organisation de changer la façon de concevoir les services gouvernementaux.",
            "Je veux changer notre façon de concevoir la prestation des services. Je travaille au gouvernement depuis plus de dix ans, et j’ai eu la chance d’être aux premières loges lors de réformes majeures. J’ai vu ce qui marche, et ce qui ne marche pas.",
            "Trop souvent, nous utilisons des dossiers d’analyse détaillés, des recettes multiples, de nombreux mécanismes de surveillance et des contrats à long terme pour résoudre des problèmes épineux. Même si nous parlons de la nécessité de réajuster le tir au fur et à mesure, c’est tout simplement impossible. Le système n’est pas conçu pour cela.",
            "Nous sommes pris au piège dans des processus rigides qui aboutissent inévitablement à des solutions déjà dépassées au moment de leur mise en œuvre. D’un autre côté, nous hésitons à livrer des produits minimums viables imparfaits. Nous parlons d’expérimentation, mais aussi «&nbsp;d’échec rapide&nbsp;». Je pense que nous devons accepter les itérations comme faisant partie du processus et redéfinir notre notion d’échec.",
            "C’est pourquoi nous avons créé le SNC. Il nous faut une équipe qui peut démontrer l’art du possible dans le domaine du numérique. Une équipe qui peut fournir rapidement un prototype opérationnel pour voir comment il fonctionne et l’améliorer en fonction des commentaires des utilisateurs. Nous devons mettre les besoins réels des gens au cœur des efforts déployés pour concevoir les services gouvernementaux.",
            "On dit que la seule façon de marquer l’histoire est de le faire avec soin. Le Canada a pris ce virage du numérique relativement tard, mais cela nous permet de travailler et d’apprendre avec des gens de la trempe de [Mike Bracken](https://twitter.com/MTBracken) et [Olivia Neal](https://twitter.com/LivNeal) du Government Digital Service du Royaume-Uni ainsi que [Lena Trudeau](https://twitter.com/ltrudeau) de 18F des États-Unis, parmi tant d’autres.",
            "Je suis absolument ravie de participer à la définition d’une approche entièrement canadienne de la prestation des services numériques – une approche qui repose entièrement sur la collaboration et qui est un modèle de ce qui peut être réalisé en apprenant par la pratique et en mettant les gens au cœur du processus.");
    private static final List<String> ENGLISH = List.of(
            "For months, I’ve been working behind the scenes to stand up the Canadian Digital Service. Through this process, I’ve done a lot of thinking about why Canada needs a digital service organization and the potential it has to change how we design government services.",
            "I want to make a difference in how we think about service delivery. I’ve been in government for over a decade and have been lucky to have a front row seat for some of the Government’s major reforms. I’ve seen what works, and what doesn’t.",
            "Too often, we try to solve wicked problems, with detailed business cases, multiple gates, loads of oversight and long term contracts. Even though we talk about course correcting along the way, we just can’t. The system isn’t designed for it.",
            "We get locked into drawn out, inflexible processes that inevitably result in solutions that are out of date by the time they are launched. At the same time, we’re reluctant to produce minimum viable products that are less than perfect. And, we talk about experimentation; we talk about ‘failing fast’. I think we need to accept iteration as part of the process and redefine what we consider ‘failing’.",
            "That’s why we created CDS. We need a digital team that can demonstrate the art of the possible. A team that can get a working prototype into people’s hands quickly to see how it works and improve it based on user feedback. We need to put real people’s needs at the centre of how we design government services.",
            "They say that the only way to make history is to do so carefully. Canada being relatively late in the game allows us to work with and learn from folks like [Mike Bracken](https://twitter.com/MTBracken) and [Olivia Neal](https://twitter.com/LivNeal) from the U.K.’s Government Digital Service, [Lena Trudeau](https://twitter.com/ltrudeau) from the U.S.’s 18F, and many others.",
            "I’m so excited to help shape a made-in-Canada approach to digital service delivery – one with collaboration at its roots that demonstrates what can be achieved by learning by doing, and putting people first.");

    /**
     * The fourth paragraph deleted from the English: by length alone, merging the first two
     * French paragraphs and pairing the rest shifted by one cost less than leaving one without
     * counterpart, so the deleted paragraph went unreported. The words each paragraph shares
     * with its translation ("processus"/"processes", "solutions", "minimums viables"/"minimum
     * viable") leave the French fourth one alone.
     */
    @Test
    void aDeletedParagraphAmongParagraphsOfSimilarLengthIsLeftWithoutCounterpart() {
        List<String> deleted = new ArrayList<>(ENGLISH);
        deleted.remove(3);

        List<Bead> beads = SegmentAligner.alignWhole(blocks("fr", FRENCH), blocks("en", deleted));

        assertThat(beads).filteredOn(bead -> bead.target().isEmpty()).extracting(bead -> bead.source().get(0).id()).containsExactly("fr-3");
        assertThat(beads).allMatch(bead -> bead.source().size() <= 1 && bead.target().size() <= 1);
    }

    /** The real translation pairs paragraph by paragraph, as before: shared words only add to what lengths say. */
    @Test
    void aRealTranslationStillPairsOneToOne() {
        List<Bead> beads = SegmentAligner.alignWhole(blocks("fr", FRENCH), blocks("en", ENGLISH));

        assertThat(beads).hasSize(7).allMatch(Bead::isOneToOne);
        assertThat(beads).allMatch(bead -> bead.source().get(0).id().substring(3).equals(bead.target().get(0).id().substring(3)));
    }

    /**
     * A heading dropped from the translation (cds-product-manager-qa, its first heading): the
     * pairing merged it with the short paragraph under it, so that nothing was without
     * counterpart. A heading is a line of its own on both sides, never merged or split.
     */
    @Test
    void aHeadingIsNeverMergedWithTheParagraphUnderIt() {
        List<Segment> french = List.of(
                new Segment("p-1", Segment.Kind.PARAGRAPH, "Pour mieux comprendre le rôle d’un gestionnaire de produits (GP) au gouvernement, nous nous sommes réunis avec eux et nous leur avons posé quelques questions.", 1, 0, 0, 0, 0),
                new Segment("h-2", Segment.Kind.HEADING, "En rafale : que fait un gestionnaire de produits, en une phrase?", 3, 0, 0, 1, 2),
                new Segment("p-3", Segment.Kind.PARAGRAPH, "**Courtney :** Oh mon Dieu, hum. Les gestionnaires de produits s’assurent que les bonnes choses sont créées au bon moment.", 5, 0, 0, 1, 0),
                new Segment("p-4", Segment.Kind.PARAGRAPH, "**Dan :** Nous aidons les équipes à se concentrer sur ce qui est le plus important (les personnes, les fonctionnaires, le logiciel actif) et sur la façon d’y arriver (stratégie, sprints, « agilité »).", 7, 0, 0, 1, 0));
        List<Segment> english = blocks("en", List.of(
                "To better understand the role of a product manager (PM) in government, we sat down with them and asked a few questions:",
                "**Courtney:** Oh God, um. Product managers make sure that the right thing gets built at the right time.",
                "**Dan:** We help the team focus on what's most important (the people, the public servants, working software) and how to get there (strategy, sprints, \"agile\")."));

        List<Bead> beads = SegmentAligner.alignWhole(french, english);

        assertThat(beads).filteredOn(bead -> bead.source().stream().anyMatch(block -> block.kind() == Segment.Kind.HEADING))
                .singleElement().satisfies(bead -> assertThat(bead.source()).hasSize(1));
    }

    /**
     * A body of 7,000 paragraphs (the seven above a thousand times, each copy numbered), one
     * deleted in the middle of the English: found as in a short article. The programme works
     * out a band of cells along the diagonal ({@link AlignmentBand}); the whole table for a
     * 4.6 MB article's 17,895 blocks a side did not fit in the pipeline's memory.
     */
    @Test
    void aParagraphDeletedFromAVeryLongBodyIsFound() {
        List<String> french = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (int copy = 0; copy < 1000; copy++) {
            for (int i = 0; i < FRENCH.size(); i++) {
                french.add(FRENCH.get(i) + " Copie " + copy + ".");
                english.add(ENGLISH.get(i) + " Copy " + copy + ".");
            }
        }
        english.remove(500 * 7 + 3);

        List<Bead> beads = SegmentAligner.alignWhole(blocks("fr", french), blocks("en", english));

        assertThat(beads).filteredOn(bead -> bead.target().isEmpty()).extracting(bead -> bead.source().get(0).id())
                .containsExactly("fr-3503");
        assertThat(beads).filteredOn(bead -> !bead.target().isEmpty()).hasSize(6999).allSatisfy(bead -> {
            assertThat(bead.isOneToOne()).isTrue();
            int sourceIndex = Integer.parseInt(bead.source().get(0).id().substring(3));
            int targetIndex = Integer.parseInt(bead.target().get(0).id().substring(3));
            assertThat(targetIndex).isEqualTo(sourceIndex < 3503 ? sourceIndex : sourceIndex - 1);
        });
    }

    private static List<Segment> blocks(String language, List<String> texts) {
        List<Segment> blocks = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            blocks.add(new Segment(language + "-" + i, Segment.Kind.PARAGRAPH, texts.get(i), i + 1, 0, 0, 0, 0));
        }
        return blocks;
    }
}
