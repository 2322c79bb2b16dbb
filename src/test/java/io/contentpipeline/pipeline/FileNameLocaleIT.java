package io.contentpipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locale the jar is started in decides how Java reads file names. Started in the C locale
 * (LANG unset, as in many containers and bare systemd units), it used to rename every accented
 * article name with _ (with a WARN that called the name "bytes that are not UTF-8") and publish
 * it under another slug, and an accented --home ended in the usage text; it now refuses to start.
 */
class FileNameLocaleIT {

    private static final Path JAR = Path.of("target/content-pipeline.jar").toAbsolutePath();

    @TempDir
    Path temp;

    private Process start(String locale, Path home, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--home", home.toString(), "--once"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PIPELINE_") || name.equals("LANG") || name.startsWith("LC_"));
        builder.environment().put("LC_ALL", locale);
        return builder.start();
    }

    @Test
    void inTheCLocaleThePipelineRefusesToStartBeforeItTouchesTheHome() throws Exception {
        Path home = temp.resolve("home à Montréal");
        PipelineHome pipeline = new PipelineHome(home);
        pipeline.dropResource(SeedArticleTest.SEED, "mon article é.txt");
        Path log = temp.resolve("c.log");

        Process process = start("C", home, log);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("ERROR PipelineRunner   pipeline.not-started: Java reads file names here as ANSI_X3.4-1968")
                .contains("LC_ALL=C.UTF-8").doesNotContain("Usage:").doesNotContain("\tat ");
        assertThat(pipeline.files("inbox")).as("not renamed").containsExactly("mon article é.txt");
        assertThat(home.resolve("outbox")).doesNotExist();
    }

    @Test
    void inAUtf8LocaleAnAccentedNameIsTakenAsItIs() throws Exception {
        Path home = temp.resolve("home à Montréal");
        PipelineHome pipeline = new PipelineHome(home);
        pipeline.dropResource(SeedArticleTest.SEED, "mon article é.txt");
        Path log = temp.resolve("utf8.log");

        Process process = start("C.UTF-8", home, log);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("article.accepted slug=role-cmo-pme lang=fr version=1 file=\"mon article é.txt\"")
                .doesNotContain("inbox.renamed");
        assertThat(pipeline.files("outbox/archive/articles")).singleElement().asString().endsWith("_mon article é.txt");
    }
}
