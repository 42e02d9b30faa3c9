package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.RuntimeExecutionMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigOptionTest {
    @Test
    void intParseErrorNamesKeyValueAndExpectedForm() {
        assertThatThrownBy(() -> CoreOptions.DEFAULT_PARALLELISM.parse("1.5"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'parallelism.default'")
                .hasMessageContaining("'1.5'")
                .hasMessageContaining("expected an integer");
    }

    @Test
    void intOutsideTheIntRangeIsRejected() {
        assertThatThrownBy(() -> CoreOptions.DEFAULT_PARALLELISM.parse("3000000000"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("3000000000");
    }

    @Test
    void durationParseErrorNamesKeyValueAndExpectedForm() {
        assertThatThrownBy(() -> CoreOptions.BUFFER_TIMEOUT.parse("soon"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'execution.buffer-timeout.interval'")
                .hasMessageContaining("'soon'")
                .hasMessageContaining("a duration such as");
        assertThatThrownBy(() -> CoreOptions.BUFFER_TIMEOUT.parse("10 fortnights"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("fortnights")
                .hasMessageContaining("a duration such as");
    }

    @Test
    void memoryParseErrorNamesKeyValueAndExpectedForm() {
        assertThatThrownBy(() -> TaskManagerOptions.NETWORK_MEMORY.parse("lots"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'taskmanager.memory.network.max'")
                .hasMessageContaining("'lots'")
                .hasMessageContaining("a memory size such as 64mb or 1g");
        assertThatThrownBy(() -> TaskManagerOptions.NETWORK_MEMORY.parse("64 parsecs"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("parsecs");
    }

    @Test
    void enumParseErrorListsTheAllowedValues() {
        assertThatThrownBy(() -> CoreOptions.RUNTIME_MODE.parse("micro-batch"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'execution.runtime-mode'")
                .hasMessageContaining("'micro-batch'")
                .hasMessageContaining("one of batch, streaming, automatic");
        assertThat(RestartStrategyOptions.TYPE.typeName())
                .isEqualTo("one of none, fixed-delay, exponential-delay, failure-rate");
    }

    @Test
    void enumIsParsedCaseInsensitivelyWithDashesForUnderscores() {
        assertThat(CoreOptions.RUNTIME_MODE.parse("BATCH")).isEqualTo(RuntimeExecutionMode.BATCH);
        assertThat(CoreOptions.RUNTIME_MODE.parse("streaming")).isEqualTo(RuntimeExecutionMode.STREAMING);
        assertThat(RestartStrategyOptions.TYPE.parse("fixed-delay")).isEqualTo(RestartStrategyOptions.Type.FIXED_DELAY);
        assertThat(RestartStrategyOptions.TYPE.parse("Exponential_Delay"))
                .isEqualTo(RestartStrategyOptions.Type.EXPONENTIAL_DELAY);
        assertThat(RestartStrategyOptions.TYPE.print(RestartStrategyOptions.Type.FAILURE_RATE))
                .isEqualTo("failure-rate");
    }

    @Test
    void booleanParseErrorNamesKeyValueAndExpectedForm() {
        assertThatThrownBy(() -> DeploymentOptions.ATTACHED.parse("yes"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'execution.attached'")
                .hasMessageContaining("'yes'")
                .hasMessageContaining("true or false");
    }

    @Test
    void booleanIsCaseInsensitive() {
        assertThat(DeploymentOptions.ATTACHED.parse("TRUE")).isTrue();
        assertThat(DeploymentOptions.ATTACHED.parse("False")).isFalse();
    }

    @Test
    void doubleParseErrorNamesKeyAndValue() {
        assertThatThrownBy(() -> RestartStrategyOptions.EXPONENTIAL_MULTIPLIER.parse("twice"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'restart-strategy.exponential-delay.backoff-multiplier'")
                .hasMessageContaining("'twice'")
                .hasMessageContaining("a number");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(CoreOptions.DEFAULT_PARALLELISM.parse("  7\t")).isEqualTo(7);
        assertThat(CoreOptions.BUFFER_TIMEOUT.parse(" 5 s ")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DeploymentOptions.ATTACHED.parse(" true ")).isTrue();
    }

    @Test
    void printedValuesParseBackToThemselves() {
        assertThat(roundTrip(ConfigOptions.intOption("t.int", 0, ""), -3)).isEqualTo(-3);
        assertThat(roundTrip(ConfigOptions.longOption("t.long", 0L, ""), Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip(RestartStrategyOptions.EXPONENTIAL_MULTIPLIER, 0.1)).isEqualTo(0.1);
        assertThat(roundTrip(DeploymentOptions.TARGET, "yarn-session")).isEqualTo("yarn-session");
        assertThat(roundTrip(DeploymentOptions.ATTACHED, false)).isFalse();
        assertThat(roundTrip(CoreOptions.BUFFER_TIMEOUT, Duration.ofMillis(1500))).isEqualTo(Duration.ofMillis(1500));
        assertThat(roundTrip(TaskManagerOptions.SEGMENT_SIZE, new MemorySize(1000))).isEqualTo(new MemorySize(1000));
        for (RestartStrategyOptions.Type t : RestartStrategyOptions.Type.values()) {
            assertThat(roundTrip(RestartStrategyOptions.TYPE, t)).isEqualTo(t);
        }
    }

    @Test
    void optionDescribesItself() {
        assertThat(CoreOptions.DEFAULT_PARALLELISM.key()).isEqualTo("parallelism.default");
        assertThat(CoreOptions.DEFAULT_PARALLELISM.toString()).isEqualTo("parallelism.default");
        assertThat(CoreOptions.DEFAULT_PARALLELISM.defaultValue()).isEqualTo(1);
        assertThat(CoreOptions.DEFAULT_PARALLELISM.hasDefaultValue()).isTrue();
        assertThat(CoreOptions.DEFAULT_PARALLELISM.description()).isNotBlank();
        assertThat(CoreOptions.DEFAULT_PARALLELISM.typeName()).isEqualTo("an integer of at least 1");
    }

    @Test
    void rangedOptionsRefuseValuesOutsideTheirRangeNamingKeyValueAndRange() {
        assertThat(RestOptions.PORT.parse("65535")).isEqualTo(65535);
        assertThat(RestOptions.PORT.parse("0")).isZero();
        assertThatThrownBy(() -> RestOptions.PORT.parse("99999")).isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Invalid value '99999' for 'rest.port': expected a port from 0 to 65535 (0: any free"
                        + " port) (out of range)");
        assertThatThrownBy(() -> TaskManagerOptions.NUM_TASK_SLOTS.parse("0"))
                .hasMessageContaining("expected an integer of at least 1");
        assertThatThrownBy(() -> CoreOptions.MAX_PARALLELISM.parse("40000"))
                .hasMessageContaining("expected an integer from 1 to 32768");
        assertThatThrownBy(() -> YarnOptions.APPLICATION_ATTEMPTS.parse("x"))
                .hasMessageContaining("expected an integer of at least 1");
    }

    @Test
    void stringOptionTakesTheTrimmedTextAsIs() {
        assertThat(DeploymentOptions.TARGET.parse(" local ")).isEqualTo("local");
    }

    private static <T> T roundTrip(ConfigOption<T> option, T value) {
        return option.parse(option.print(value));
    }
}
