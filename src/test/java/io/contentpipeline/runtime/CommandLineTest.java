package io.contentpipeline.runtime;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void aHomeIsGivenAsTheNextArgumentOrAfterAnEqualsSign() {
        assertThat(CommandLine.parse("--home", "/srv/content", "--once"))
                .isEqualTo(new CommandLine(Path.of("/srv/content"), true, false));
        assertThat(CommandLine.parse("--home=/srv/content").home()).isEqualTo(Path.of("/srv/content"));
        assertThat(CommandLine.parse().home()).as("none given: the pipeline.home setting decides").isNull();
    }

    /**
     * A script that writes --home=$CONTENT_HOME or --home "$CONTENT_HOME" with the variable
     * unset gave an empty home, which was the current directory: the pipeline created inbox/
     * and outbox/ wherever it was started and ran there. Unquoted, the variable left
     * "--home --once": a folder named --once, and a service that never stopped.
     */
    @Test
    void anEmptyHomeOrAnOptionInItsPlaceIsRefused() {
        assertThatThrownBy(() -> CommandLine.parse("--home=")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--home needs a folder, not an empty value (an unset variable?)");
        assertThatThrownBy(() -> CommandLine.parse("--home", " ", "--once")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--home needs a folder, not an empty value (an unset variable?)");
        assertThatThrownBy(() -> CommandLine.parse("--home", "--once")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--home needs a folder, not the option --once (an unset variable?); write ./--once for a folder of that name");
        assertThat(CommandLine.parse("--home", "./--once").home().getFileName()).hasToString("--once");
    }

    /** A setting written after -jar reaches the program as an argument, and changed nothing but the exit code. */
    @Test
    void aSettingAfterTheJarIsToldWhereItGoes() {
        assertThatThrownBy(() -> CommandLine.parse("--once", "-Dpipeline.targets=EN,ES")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option -Dpipeline.targets=EN,ES: a -D setting goes before -jar, as in"
                        + " java -Dpipeline.targets=EN,ES -jar content-pipeline.jar");
        assertThatThrownBy(() -> CommandLine.parse("--bogus")).hasMessage("unknown option --bogus");
    }
}
