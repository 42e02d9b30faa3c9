package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointingOptionsTest {
    @Test
    void unsetKeysYieldFlinksDefaults() {
        Configuration c = new Configuration();

        assertThat(c.get(CheckpointingOptions.INTERVAL)).isNull();
        assertThat(CheckpointingOptions.isCheckpointingEnabled(c)).isFalse();
        assertThat(c.get(CheckpointingOptions.MODE)).isEqualTo(CheckpointingOptions.Mode.EXACTLY_ONCE);
        assertThat(c.get(CheckpointingOptions.TIMEOUT)).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.get(CheckpointingOptions.MIN_PAUSE)).isEqualTo(Duration.ZERO);
        assertThat(c.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS)).isEqualTo(1);
        assertThat(c.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS)).isZero();
        assertThat(c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isNull();
        assertThat(c.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).isNull();
        assertThat(c.get(CheckpointingOptions.UNALIGNED_ENABLED)).isFalse();
        assertThat(c.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT)).isEqualTo(Duration.ZERO);
        assertThat(c.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(CheckpointingOptions.ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
        assertThat(c.get(CheckpointingOptions.NUM_RETAINED)).isEqualTo(1);
        assertThat(c.get(CheckpointingOptions.STATE_BACKEND)).isEqualTo(CheckpointingOptions.StateBackendType.HASHMAP);
    }

    @Test
    void enumValuesAreWrittenAsFlinkWritesThem() {
        Configuration c = Configuration.fromMap(Map.of("execution.checkpointing.mode", "AT_LEAST_ONCE",
                "execution.checkpointing.externalized-checkpoint-retention", "retain-on-cancellation"));

        assertThat(c.get(CheckpointingOptions.MODE)).isEqualTo(CheckpointingOptions.Mode.AT_LEAST_ONCE);
        assertThat(c.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(CheckpointingOptions.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(new Configuration().set(CheckpointingOptions.MODE, CheckpointingOptions.Mode.EXACTLY_ONCE)
                .toMap()).containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE");
        assertThatThrownBy(() -> CheckpointingOptions.MODE.parse("exactly_twice"))
                .hasMessageContaining("one of EXACTLY_ONCE, AT_LEAST_ONCE");
    }

    @Test
    void rangesAreFlinks() {
        assertThatThrownBy(() -> CheckpointingOptions.INTERVAL.parse("5 ms"))
                .hasMessageContaining("'execution.checkpointing.interval'").hasMessageContaining("at least 10 ms");
        assertThatThrownBy(() -> CheckpointingOptions.TIMEOUT.parse("1 ms")).hasMessageContaining("at least 10 ms");
        assertThatThrownBy(() -> CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS.parse("0"))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS.parse("-1"))
                .hasMessageContaining("at least 0");
        assertThatThrownBy(() -> CheckpointingOptions.NUM_RETAINED.parse("0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> CheckpointingOptions.STATE_BACKEND.parse("rocksdb"))
                .hasMessageContaining("one of hashmap");
        assertThat(CheckpointingOptions.INTERVAL.parse("10 ms")).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void intervalSetTurnsCheckpointingOn() {
        Configuration c = new Configuration().set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));

        assertThat(CheckpointingOptions.isCheckpointingEnabled(c)).isTrue();
    }

    @Test
    void flink1DirectoryKeysAreReadAsDeprecatedNames() {
        Configuration c = Configuration.fromMap(Map.of("state.checkpoints.dir", "hdfs:///old/chk",
                "state.savepoints.dir", "hdfs:///old/sp"));

        assertThat(c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("hdfs:///old/chk");
        assertThat(c.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).isEqualTo("hdfs:///old/sp");
        assertThat(c.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isTrue();
        assertThat(CheckpointingOptions.CHECKPOINTS_DIRECTORY.deprecatedKeys()).containsExactly("state.checkpoints.dir");
    }

    @Test
    void theNewNameWinsOverTheDeprecatedOne() {
        Configuration c = Configuration.fromMap(Map.of("state.checkpoints.dir", "hdfs:///old",
                "execution.checkpointing.dir", "hdfs:///new"));

        assertThat(c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("hdfs:///new");
    }

    @Test
    void deprecatedKeysAreKnownToTheValidatorButNotListedAsOptions() {
        assertThatCode(() -> ConfigValidator.validate(Configuration.fromMap(Map.of("state.savepoints.dir", "/sp")),
                "-D")).doesNotThrowAnyException();
        assertThatCode(() -> GlobalConfiguration.validate("state.checkpoints.dir", "/chk", "-D"))
                .doesNotThrowAnyException();
        assertThat(ConfigValidator.optionFor("state.savepoints.dir")).isSameAs(CheckpointingOptions.SAVEPOINT_DIRECTORY);
        assertThat(ConfigValidator.knownOptions()).doesNotContainKey("state.savepoints.dir")
                .containsKey("execution.checkpointing.savepoint-dir");
    }

    @Test
    void aRangeCheckedOptionKeepsItsDeprecatedKeys() {
        ConfigOption<Integer> option = ConfigOptions.intOption("test.new", 1, "test").withDeprecatedKeys("test.old")
                .accepting("an integer of at least 1", v -> v >= 1);

        assertThat(option.deprecatedKeys()).containsExactly("test.old");
        assertThat(Configuration.fromMap(Map.of("test.old", "7")).get(option)).isEqualTo(7);
    }
}
