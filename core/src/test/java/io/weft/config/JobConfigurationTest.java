package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobConfigurationTest {
    @Test
    void keysUnderTheJobPrefixesAreJobLevel() {
        assertThat(JobConfiguration.isJobLevel("restart-strategy.type")).isTrue();
        assertThat(JobConfiguration.isJobLevel("execution.checkpointing.interval")).isTrue();
        assertThat(JobConfiguration.isJobLevel("pipeline.max-parallelism")).isTrue();
        assertThat(JobConfiguration.isJobLevel("state.checkpoints.dir")).isTrue();
        assertThat(JobConfiguration.isJobLevel("taskmanager.numberOfTaskSlots")).isFalse();
        assertThat(JobConfiguration.isJobLevel("rest.port")).isFalse();
        assertThat(JobConfiguration.isJobLevel("parallelism.default")).isFalse();
    }

    @Test
    void theClientsDeploymentKeysAreNotJobLevel() {
        assertThat(JobConfiguration.isJobLevel("execution.target")).isFalse();
        assertThat(JobConfiguration.isClientDeploymentKey("execution.attached")).isTrue();
    }

    @Test
    void validJobSettingsPass() {
        assertThatCode(() -> JobConfiguration.validate(Map.of("restart-strategy.type", "none",
                "state.savepoints.dir", "/sp", "execution.checkpointing.interval", "1 s"), "-D"))
                .doesNotThrowAnyException();
    }

    @Test
    void aClusterSettingIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> JobConfiguration.validate(Map.of("taskmanager.numberOfTaskSlots", "4"), "-D"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'taskmanager.numberOfTaskSlots'").hasMessageContaining("is a cluster setting")
                .hasMessageContaining("restart-strategy.*");
    }

    @Test
    void anUnknownKeyOrABadValueIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> JobConfiguration.validate(Map.of("restart-strategy.typ", "none"), "-D"))
                .hasMessageContaining("Unknown configuration key 'restart-strategy.typ'")
                .hasMessageContaining("did you mean 'restart-strategy.type'");
        assertThatThrownBy(() -> JobConfiguration.validate(Map.of("restart-strategy.type", "sometimes"), "-D"))
                .hasMessageContaining("'restart-strategy.type'").hasMessageContaining("one of none");
    }

    @Test
    void aNullValueIsRefused() {
        Map<String, String> settings = new HashMap<>();
        settings.put("restart-strategy.type", null);

        assertThatThrownBy(() -> JobConfiguration.validate(settings, "'flinkConfiguration'"))
                .hasMessageContaining("'flinkConfiguration'").hasMessageContaining("null");
    }
}
