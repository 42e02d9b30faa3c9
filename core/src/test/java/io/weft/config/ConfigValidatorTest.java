package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigValidatorTest {
    @Test
    void knownOptionsIncludeEveryDeclaredOption() {
        assertThat(ConfigValidator.knownOptions()).containsKeys("parallelism.default", "pipeline.max-parallelism",
                "execution.runtime-mode", "execution.buffer-timeout.interval", "execution.target",
                "execution.attached", "taskmanager.numberOfTaskSlots", "taskmanager.memory.segment-size",
                "taskmanager.memory.network.max", "taskmanager.network.memory.buffers-per-channel",
                "taskmanager.network.memory.floating-buffers-per-gate", "restart-strategy.type",
                "restart-strategy.fixed-delay.attempts", "restart-strategy.failure-rate.delay",
                "local.number-taskmanager", "slot.request.timeout");
        assertThat(ConfigValidator.knownOptions().get("parallelism.default")).isSameAs(CoreOptions.DEFAULT_PARALLELISM);
    }

    @Test
    void knownOptionsCannotBeModified() {
        assertThatThrownBy(() -> ConfigValidator.knownOptions().remove("parallelism.default"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validConfigurationPasses() {
        Configuration c = new Configuration()
                .setString("parallelism.default", "4")
                .setString("execution.runtime-mode", "batch")
                .setString("taskmanager.memory.network.max", "128mb")
                .setString("restart-strategy.type", "fixed-delay")
                .setString("restart-strategy.fixed-delay.delay", "10 s");
        assertThatCode(() -> ConfigValidator.validate(c, "weft-conf.yaml")).doesNotThrowAnyException();
        assertThatCode(() -> ConfigValidator.validate(new Configuration(), "-D")).doesNotThrowAnyException();
    }

    @Test
    void misspelledKeyIsRejectedWithADidYouMeanHint() {
        Configuration c = new Configuration().setString("paralelism.default", "4");
        assertThatThrownBy(() -> ConfigValidator.validate(c, "weft-conf.yaml"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("Unknown configuration key 'paralelism.default'")
                .hasMessageContaining("weft-conf.yaml")
                .hasMessageContaining("did you mean 'parallelism.default'?");
    }

    @Test
    void hintPicksTheNearestKey() {
        assertThat(ConfigValidator.closest("taskmanager.numberOfTaskSlot")).isEqualTo("taskmanager.numberOfTaskSlots");
        assertThat(ConfigValidator.closest("execution.runtime.mode")).isEqualTo("execution.runtime-mode");
        assertThat(ConfigValidator.closest("restart-strategy.typ")).isEqualTo("restart-strategy.type");
        assertThat(ConfigValidator.closest("parallelism.default")).isEqualTo("parallelism.default");
    }

    @Test
    void keyFarFromEveryKnownKeyGetsNoHintButAPointerToTheList() {
        assertThat(ConfigValidator.closest("zzz")).isNull();
        Configuration c = new Configuration().setString("zzz", "1");
        assertThatThrownBy(() -> ConfigValidator.validate(c, "-D"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'zzz'")
                .hasMessageContaining("-D")
                .hasMessageContaining("conf/weft-conf.yaml")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void badValueOfAKnownKeyIsRejectedNamingKeyAndValue() {
        Configuration c = new Configuration().setString("parallelism.default", "4")
                .setString("taskmanager.memory.network.max", "64 megs");
        assertThatThrownBy(() -> ConfigValidator.validate(c, "-D"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("taskmanager.memory.network.max")
                .hasMessageContaining("'64 megs'")
                .hasMessageContaining("a memory size");
    }

    @Test
    void badEnumValueIsRejected() {
        Configuration c = new Configuration().setString("execution.runtime-mode", "sometimes");
        assertThatThrownBy(() -> ConfigValidator.validate(c, "-D"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("execution.runtime-mode")
                .hasMessageContaining("one of batch, streaming, automatic");
    }
}
