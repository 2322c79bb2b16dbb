package io.contentpipeline.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineSettingsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void autoWorkersAreOnePerCoreOrFourWhenWorkersWaitForTheDisk() {
        assertThat(PipelineSettings.workers("auto", false)).isEqualTo(CORES);
        assertThat(PipelineSettings.workers("auto", true)).isEqualTo(4 * CORES);
        assertThat(PipelineSettings.workers("3", true)).isEqualTo(3);
    }

    @Test
    void aWorkerCountThatMakesNoSenseIsRefusedByName() {
        assertThatThrownBy(() -> PipelineSettings.workers("0", true)).hasMessageContaining("pipeline.workers is auto or a positive number, not 0");
        assertThatThrownBy(() -> PipelineSettings.workers("many", false)).hasMessageContaining("not many");
    }
}
