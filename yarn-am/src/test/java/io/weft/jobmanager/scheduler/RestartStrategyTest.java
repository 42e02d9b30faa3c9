package io.weft.jobmanager.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.config.Configuration;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestartStrategyTest {
    @Test
    void whenNothingIsConfigured_thenThreeRestartsOneSecondApart() {
        RestartStrategy strategy = RestartStrategy.fromConfiguration(new Configuration());

        assertThat(strategy).isInstanceOf(FixedDelayRestartStrategy.class);
        assertThat(strategy.describe()).isEqualTo("fixed-delay: 3 attempts, 1 s apart");
        for (int i = 0; i < 3; i++) {
            strategy.onFailure(i);
            assertThat(strategy.canRestart()).as("restart %d", i + 1).isTrue();
            assertThat(strategy.getBackoff()).isEqualTo(Duration.ofSeconds(1));
        }
        strategy.onFailure(3);
        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenCheckpointingIsOn_thenExponentialDelay() {
        RestartStrategy strategy = RestartStrategy.fromConfiguration(
                Configuration.fromMap(Map.of("execution.checkpointing.interval", "10 s")));

        assertThat(strategy).isInstanceOf(ExponentialDelayRestartStrategy.class);
    }

    @Test
    void whenNoneIsChosen_thenNoRestart() {
        RestartStrategy strategy = RestartStrategy.fromConfiguration(
                Configuration.fromMap(Map.of("restart-strategy.type", "none")));

        strategy.onFailure(0);
        assertThat(strategy.canRestart()).isFalse();
    }
}
