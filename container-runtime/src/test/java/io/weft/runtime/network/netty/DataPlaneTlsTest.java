package io.weft.runtime.network.netty;

import static io.weft.runtime.network.netty.ShufflePair.Producer.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.Configuration;
import io.weft.config.SecurityOptions;
import io.weft.runtime.ResourceID;
import io.weft.runtime.network.netty.ShufflePair.Consumer;
import io.weft.runtime.network.netty.ShufflePair.Producer;
import io.weft.runtime.testing.BackgroundCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plane over mutual TLS ({@code security.ssl.internal.*}), with stores made by the JDK's keytool: data
 * flows inside TLS after the secret handshake, and a TaskManager without TLS cannot read.
 */
// a safety net only: every wait in these tests is bounded well below it
@Timeout(120)
class DataPlaneTlsTest {
    private static final String PASSWORD = "weft-test-pw";

    @TempDir
    static Path stores;
    private static Path keyStore;
    private static Path trustStore;

    private ShufflePair pair;

    @BeforeAll
    static void createStores() throws Exception {
        keyStore = stores.resolve("internal.p12");
        trustStore = stores.resolve("internal-trust.p12");
        Path certificate = stores.resolve("internal.crt");
        keytool("-genkeypair", "-alias", "weft", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=weft-internal", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "weft", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "weft", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
    }

    @AfterEach
    void tearDown() {
        if (pair != null) {
            pair.close();
        }
    }

    private static Configuration tls() {
        return ShufflePair.config()
                .set(SecurityOptions.SSL_INTERNAL_ENABLED, true)
                .set(SecurityOptions.SSL_INTERNAL_KEYSTORE, keyStore.toString())
                .set(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, PASSWORD)
                .set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE, trustStore.toString())
                .set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD, PASSWORD);
    }

    @Test
    void dataFlowsOverTls() throws Exception {
        pair = new ShufflePair(tls());
        Producer producer = new Producer(pair.producerSide, 1, 2, 8).register();
        Consumer consumer = new Consumer(pair.consumerSide, 2);
        consumer.connect(pair.channelTo(producer.id), 0);
        try (BackgroundCall<Void> writing = producer.writeInBackground(5_000, 500)) {
            assertThat(consumer.readAll()).isEqualTo(records(5_000, i -> true));
            writing.await();
        }
    }

    @Test
    void taskManagerWithoutTlsCannotRead() throws Exception {
        pair = new ShufflePair(tls());
        Producer producer = new Producer(pair.producerSide, 1, 2, 8).register();
        try (NettyShuffleEnvironment plain = NettyShuffleEnvironment.start(ShufflePair.config(), pair.secret,
                new ResourceID())) {
            Consumer consumer = new Consumer(plain, 2);
            consumer.connect(pair.channelTo(producer.id), 0);
            assertThatThrownBy(consumer::readAll).isInstanceOf(RemoteTransportException.class)
                    .hasMessageContaining("Cannot open a data connection to TaskManager at");
            consumer.gate.release();
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish within 60 s: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + command + "\n" + output);
        }
    }
}
