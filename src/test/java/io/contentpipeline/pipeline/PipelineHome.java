package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentpipeline.runtime.CommandLine;
import io.contentpipeline.runtime.PipelineRunner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pipeline home in a temporary folder, run with the real routes from routes/ (not the
 * copy in the jar), so that tests exercise exactly what the repository ships.
 */
public final class PipelineHome {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path home;
    private final Map<String, String> settings;

    public PipelineHome(Path home) {
        this(home, Map.of());
    }

    public PipelineHome(Path home, Map<String, String> settings) {
        this.home = home;
        this.settings = settings;
    }

    public Path path() {
        return home;
    }

    public Path resolve(String relative) {
        return home.resolve(relative);
    }

    /** Runs the pipeline with --once and returns its exit code. */
    public int runOnce() {
        return runner(true).run();
    }

    public PipelineRunner runner(boolean once) {
        PipelineRunner runner = new PipelineRunner(new CommandLine(home, once, false))
                .with("camel.main.routes-include-pattern", "file:routes/*.camel.yaml")
                .with("pipeline.read-lock-min-age", "50")
                .with("pipeline.poll-delay", "100");
        settings.forEach(runner::with);
        return runner;
    }

    /** Starts the pipeline as a service on this home and returns once its routes have started. */
    public RunningService startService() {
        return new RunningService(runner(false));
    }

    /** Drops the seed article under the given name and runs the pipeline once over it: the start of most round trips. */
    public PipelineHome publishSeed(String name) {
        dropResource(SeedArticleTest.SEED, name);
        assertThat(runOnce()).isZero();
        return this;
    }

    /** Drops a test resource into the inbox under the given name, written in one go. */
    public Path dropResource(String resource, String name) {
        return drop("inbox/" + name, resourceBytes(resource));
    }

    public Path drop(String relative, String text) {
        return drop(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file and dates it a second back, as if dropped a moment ago: the read lock
     * takes a file only once it has stopped changing.
     */
    public Path drop(String relative, byte[] bytes) {
        try {
            Path target = home.resolve(relative);
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
            Files.write(temporary, bytes);
            Files.setLastModifiedTime(temporary, FileTime.from(Instant.now().minusSeconds(1)));
            Files.move(temporary, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(home.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json(String relative) {
        try {
            return JSON.readTree(home.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode bundle(String slug) {
        return json("outbox/published/" + slug + "/bundle.json");
    }

    /** Every changelog.jsonl line, parsed. */
    public List<JsonNode> events() {
        Path log = home.resolve("outbox/changelog.jsonl");
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> eventNames() {
        return events().stream().map(e -> e.get("event").asText()).toList();
    }

    /** Names of the regular files in a folder of the home, sorted. */
    public List<String> files(String relative) {
        Path folder = home.resolve(relative);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] resourceBytes(String resource) {
        try (InputStream in = PipelineHome.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String resource) {
        return new String(resourceBytes(resource), StandardCharsets.UTF_8);
    }
}
