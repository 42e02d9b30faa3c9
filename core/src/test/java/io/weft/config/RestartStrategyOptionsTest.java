package io.weft.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.config.RestartStrategyOptions.Type;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestartStrategyOptionsTest {
    @Test
    void whenTypeUnsetAndCheckpointingOff_thenFixedDelayWithThreeAttempts() {
        Configuration c = new Configuration();

        assertThat(RestartStrategyOptions.effectiveType(c)).isEqualTo(Type.FIXED_DELAY);
        assertThat(RestartStrategyOptions.fixedDelayAttempts(c)).isEqualTo(3);
        assertThat(c.get(RestartStrategyOptions.FIXED_DELAY_DELAY)).hasSeconds(1);
    }

    @Test
    void whenTypeUnsetAndCheckpointingOn_thenExponentialDelay() {
        Configuration c = Configuration.fromMap(Map.of("execution.checkpointing.interval", "1 s"));

        assertThat(RestartStrategyOptions.effectiveType(c)).isEqualTo(Type.EXPONENTIAL_DELAY);
    }

    @Test
    void whenTypeSet_thenItWinsOverTheDefaultRule() {
        assertThat(RestartStrategyOptions.effectiveType(Configuration.fromMap(Map.of("restart-strategy.type", "none",
                "execution.checkpointing.interval", "1 s")))).isEqualTo(Type.NONE);
        assertThat(RestartStrategyOptions.effectiveType(Configuration.fromMap(Map.of("restart-strategy.type",
                "failure-rate")))).isEqualTo(Type.FAILURE_RATE);
    }

    @Test
    void whenFixedDelayChosenExplicitly_thenItsAttemptsDefaultIsFlinks() {
        Configuration c = Configuration.fromMap(Map.of("restart-strategy.type", "fixed-delay"));

        assertThat(RestartStrategyOptions.fixedDelayAttempts(c)).isEqualTo(1);
    }

    @Test
    void whenAttemptsSet_thenTheDefaultStrategyUsesThem() {
        Configuration c = Configuration.fromMap(Map.of("restart-strategy.fixed-delay.attempts", "7"));

        assertThat(RestartStrategyOptions.effectiveType(c)).isEqualTo(Type.FIXED_DELAY);
        assertThat(RestartStrategyOptions.fixedDelayAttempts(c)).isEqualTo(7);
    }
}
