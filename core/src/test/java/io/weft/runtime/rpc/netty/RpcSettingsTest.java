package io.weft.runtime.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.MemorySize;
import io.weft.config.RpcOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RpcSettingsTest {
    @Test
    void defaultsAreTenMegabyteFramesTenSecondHandshakesAndBackoffFrom100MsTo10s() {
        RpcSettings settings = RpcSettings.fromConfiguration(new Configuration());

        assertThat(settings.frameSize()).isEqualTo(10 << 20);
        assertThat(settings.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void frameSizeBelowTheHandshakeLimitIsRejectedNamingTheOption() {
        Configuration config = new Configuration().set(RpcOptions.FRAME_SIZE, MemorySize.parse("512b"));

        assertThatThrownBy(() -> RpcSettings.fromConfiguration(config))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("rpc.framesize");
    }

    @Test
    void maximumBackoffShorterThanTheInitialIsRejected() {
        Configuration config = new Configuration()
                .set(RpcOptions.RECONNECT_INITIAL_BACKOFF, Duration.ofSeconds(5))
                .set(RpcOptions.RECONNECT_MAX_BACKOFF, Duration.ofSeconds(1));

        assertThatThrownBy(() -> RpcSettings.fromConfiguration(config))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("rpc.reconnect.max-backoff");
    }
}
