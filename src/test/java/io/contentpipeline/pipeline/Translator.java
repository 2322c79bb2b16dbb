package io.contentpipeline.pipeline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does what a translator does with a draft: keeps its translation: block untouched and
 * replaces the translatable front matter and the body with the translated ones.
 */
final class Translator {

    private static final Pattern BLOCK = Pattern.compile("^translation:\\n(?:  .*\\n)+", Pattern.MULTILINE);

    private Translator() {
    }

    /** The seed's English draft, filled with the test translation: what its translator returns. */
    static String englishSeedReturn(PipelineHome home) {
        return fill(home.read("outbox/translations/EN/role-cmo-pme.md"), PipelineHome.resource(SeedArticleTest.SEED_EN));
    }

    /** @param translated a Markdown file with the translated front matter and body */
    static String fill(String draft, String translated) {
        Matcher block = BLOCK.matcher(draft);
        if (!block.find()) {
            throw new IllegalArgumentException("the draft has no translation: block");
        }
        String[] parts = translated.split("---\n", 3);
        return "---\n" + parts[1] + block.group() + "---\n" + parts[2];
    }
}
