package io.contentpipeline.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNameEncodingTest {

    @Test
    void utf8FileNamesAreFineHoweverTheJvmSpellsIt() {
        assertThat(FileNameEncoding.problem("UTF-8")).isEmpty();
        assertThat(FileNameEncoding.problem("utf8")).isEmpty();
        assertThat(FileNameEncoding.problem(null)).as("a JVM that does not say").isEmpty();
    }

    @Test
    void theAsciiOfTheCLocaleIsRefusedWithTheLocaleToStartIn() {
        assertThat(FileNameEncoding.problem("ANSI_X3.4-1968")).hasValueSatisfying(message -> assertThat(message)
                .contains("ANSI_X3.4-1968").contains("not as UTF-8").contains("LC_ALL=C.UTF-8"));
        assertThat(FileNameEncoding.problem("ISO-8859-1")).isPresent();
    }
}
