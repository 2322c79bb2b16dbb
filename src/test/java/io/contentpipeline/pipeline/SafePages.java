package io.contentpipeline.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Scans published pages for anything that could run script. */
final class SafePages {

    private static final Pattern SCRIPT = Pattern.compile("(?i)<script|<iframe|\\son[a-z]+\\s*=|javascript:|(?:href|src)\\s*=\\s*\"data:");

    private SafePages() {
    }

    /** @return how many pages were scanned */
    static int assertNoScript(Path published) throws IOException {
        List<String> findings = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(published)) {
            pages = files.filter(f -> f.getFileName().toString().endsWith(".html")).toList();
        }
        for (Path page : pages) {
            Matcher match = SCRIPT.matcher(Files.readString(page));
            while (match.find()) {
                findings.add(published.relativize(page) + ": " + match.group());
            }
        }
        assertThat(findings).as("script in published pages").isEmpty();
        return pages.size();
    }
}
