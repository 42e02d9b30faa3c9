package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.RuntimeExecutionMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    @Test
    void unsetOptionYieldsItsDefault() {
        Configuration c = new Configuration();
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(1);
        assertThat(c.get(CoreOptions.MAX_PARALLELISM)).isEqualTo(128);
        assertThat(c.get(CoreOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.STREAMING);
        assertThat(c.get(TaskManagerOptions.SEGMENT_SIZE)).isEqualTo(new MemorySize(32 * 1024));
        assertThat(c.contains(CoreOptions.DEFAULT_PARALLELISM)).isFalse();
    }

    @Test
    void unsetOptionWithoutDefaultYieldsNull() {
        ConfigOption<String> noDefault = ConfigOptions.stringOption("test.no-default", null, "no default");
        assertThat(noDefault.hasDefaultValue()).isFalse();
        assertThat(new Configuration().get(noDefault)).isNull();
    }

    @Test
    void setValueIsReadBackTyped() {
        Configuration c = new Configuration()
                .set(CoreOptions.DEFAULT_PARALLELISM, 4)
                .set(CoreOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH)
                .set(CoreOptions.BUFFER_TIMEOUT, Duration.ofSeconds(10))
                .set(TaskManagerOptions.NETWORK_MEMORY, MemorySize.ofMebiBytes(128))
                .set(DeploymentOptions.ATTACHED, false)
                .set(RestartStrategyOptions.EXPONENTIAL_MULTIPLIER, 1.5);
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(4);
        assertThat(c.get(CoreOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.BATCH);
        assertThat(c.get(CoreOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.get(TaskManagerOptions.NETWORK_MEMORY)).isEqualTo(MemorySize.ofMebiBytes(128));
        assertThat(c.get(DeploymentOptions.ATTACHED)).isFalse();
        assertThat(c.get(RestartStrategyOptions.EXPONENTIAL_MULTIPLIER)).isEqualTo(1.5);
        assertThat(c.contains(CoreOptions.DEFAULT_PARALLELISM)).isTrue();
    }

    @Test
    void valuesAreHeldAsTheirTextualForm() {
        Configuration c = new Configuration()
                .set(CoreOptions.BUFFER_TIMEOUT, Duration.ofMinutes(2))
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(TaskManagerOptions.SEGMENT_SIZE, MemorySize.parse("64kb"));
        assertThat(c.toMap()).containsEntry("execution.buffer-timeout.interval", "2 min")
                .containsEntry("restart-strategy.type", "fixed-delay")
                .containsEntry("taskmanager.memory.segment-size", "64kb");
    }

    @Test
    void textualValueIsParsedOnRead() {
        Configuration c = new Configuration()
                .setString("parallelism.default", " 12 ")
                .setString("execution.runtime-mode", "Automatic")
                .setString("execution.buffer-timeout.interval", "250ms");
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(12);
        assertThat(c.get(CoreOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.AUTOMATIC);
        assertThat(c.get(CoreOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void invalidTextualValueFailsOnReadNamingKeyAndValue() {
        Configuration c = new Configuration().setString("parallelism.default", "many");
        assertThatThrownBy(() -> c.get(CoreOptions.DEFAULT_PARALLELISM))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("parallelism.default")
                .hasMessageContaining("'many'")
                .hasMessageContaining("an integer");
        assertThatThrownBy(() -> c.getOptional(CoreOptions.DEFAULT_PARALLELISM))
                .isInstanceOf(IllegalConfigurationException.class);
    }

    @Test
    void getOptionalIsEmptyUnlessSetEvenWithADefault() {
        Configuration c = new Configuration();
        assertThat(c.getOptional(CoreOptions.DEFAULT_PARALLELISM)).isEmpty();
        c.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        assertThat(c.getOptional(CoreOptions.DEFAULT_PARALLELISM)).contains(3);
    }

    @Test
    void laterSetReplacesEarlierValue() {
        Configuration c = new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 2)
                .set(CoreOptions.DEFAULT_PARALLELISM, 5);
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(5);
        assertThat(c.toMap()).hasSize(1);
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        Configuration original = new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 2);
        Configuration copy = new Configuration(original);
        copy.set(CoreOptions.DEFAULT_PARALLELISM, 8);
        original.set(CoreOptions.MAX_PARALLELISM, 64);
        assertThat(original.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(2);
        assertThat(copy.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(8);
        assertThat(copy.contains(CoreOptions.MAX_PARALLELISM)).isFalse();
    }

    @Test
    void addAllReplacesValuesOfTheSameKeysAndKeepsOthers() {
        Configuration base = new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 2)
                .set(CoreOptions.MAX_PARALLELISM, 64);
        Configuration overrides = new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 6)
                .set(DeploymentOptions.TARGET, "remote");
        assertThat(base.addAll(overrides)).isSameAs(base);
        assertThat(base.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(6);
        assertThat(base.get(CoreOptions.MAX_PARALLELISM)).isEqualTo(64);
        assertThat(base.get(DeploymentOptions.TARGET)).isEqualTo("remote");
        assertThat(overrides.contains(CoreOptions.MAX_PARALLELISM)).isFalse();
    }

    @Test
    void fromMapCopiesTheGivenValues() {
        HashMap<String, String> source = new HashMap<>(Map.of("parallelism.default", "3"));
        Configuration c = Configuration.fromMap(source);
        source.put("parallelism.default", "9");
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(3);
    }

    @Test
    void toMapIsSortedByKeyAndReadOnly() {
        Configuration c = new Configuration().setString("b.key", "2").setString("a.key", "1").setString("c.key", "3");
        assertThat(c.toMap().keySet()).containsExactly("a.key", "b.key", "c.key");
        assertThatThrownBy(() -> c.toMap().put("d.key", "4")).isInstanceOf(UnsupportedOperationException.class);
    }
}
