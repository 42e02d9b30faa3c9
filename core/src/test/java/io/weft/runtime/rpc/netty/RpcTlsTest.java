package io.weft.runtime.rpc.netty;

import static io.weft.runtime.rpc.netty.RpcTestSupport.PROMPTLY;
import static io.weft.runtime.rpc.netty.RpcTestSupport.ask;
import static io.weft.runtime.rpc.netty.RpcTestSupport.awaitConnected;
import static io.weft.runtime.rpc.netty.RpcTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.RpcOptions;
import io.weft.config.SecurityOptions;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.ConnectionState;
import io.weft.runtime.rpc.MainThreadExecutor;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcConnection;
import io.weft.runtime.rpc.RpcServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RPC over mutual TLS, with key and trust stores made by the JDK's keytool: the secret handshake runs inside TLS,
 * and peers without TLS or without a trusted certificate are dropped.
 */
class RpcTlsTest {
    private final AtomicReference<Throwable> fatalError = new AtomicReference<>();
    private final MainThreadExecutor handlerThread = new MainThreadExecutor("test-handler", fatalError::set);
    private static final String PASSWORD = "weft-test-pw";

    @TempDir
    static Path stores;
    private static Path keyStore;
    private static Path trustStore;
    private static Path rogueKeyStore;

    private final ClusterSecret secret = ClusterSecret.generate();
    private RpcServer server;
    private RpcClient client;

    @BeforeAll
    static void createStores() throws Exception {
        keyStore = stores.resolve("internal.p12");
        trustStore = stores.resolve("internal-trust.p12");
        rogueKeyStore = stores.resolve("rogue.p12");
        Path certificate = stores.resolve("internal.crt");
        keytool("-genkeypair", "-alias", "weft", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=weft-internal", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "weft", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "weft", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
        keytool("-genkeypair", "-alias", "rogue", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=rogue", "-storetype", "PKCS12", "-keystore", rogueKeyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
    }

    @BeforeEach
    void setUp() {
        server = new NettyRpcSystem(tls(keyStore), secret).startServer("127.0.0.1", 0);
        RpcTestSupport.registerEcho(server, handlerThread::execute);
        client = new NettyRpcSystem(tls(keyStore), secret).createClient();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
        handlerThread.close();
        assertThat(fatalError.get()).isNull();
    }

    @Test
    void requestsTravelOverTls() throws Exception {
        RpcConnection connection = client.connect("127.0.0.1", server.address().getPort());
        awaitConnected(connection);

        assertThat(ask(connection, request(1, "encrypted")).getText()).isEqualTo("encrypted");
    }

    @Test
    void clientWithoutTlsIsDroppedAndTlsClientsAreStillServed() throws Exception {
        RecordingListener listener = new RecordingListener();
        // Both sides wait for the other to speak first (TLS hello, secret challenge): the handshake times out.
        Configuration plainConfig = RpcTestSupport.config().set(RpcOptions.HANDSHAKE_TIMEOUT, Duration.ofMillis(500));
        try (RpcClient plain = new NettyRpcSystem(plainConfig, secret).createClient()) {
            RpcConnection connection = plain.connect("127.0.0.1", server.address().getPort(), Runnable::run,
                    listener);

            listener.await(RecordingListener.RECONNECT, PROMPTLY);

            assertThat(connection.state()).isNotEqualTo(ConnectionState.CONNECTED);
            assertThat(listener.lastFailure()).hasMessageContaining("rpc.handshake.timeout");
        }
        requestsTravelOverTls();
    }

    @Test
    void clientWithAnUntrustedCertificateIsDropped() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (RpcClient rogue = new NettyRpcSystem(tls(rogueKeyStore), secret).createClient()) {
            RpcConnection connection = rogue.connect("127.0.0.1", server.address().getPort(), Runnable::run,
                    listener);

            listener.await(RecordingListener.RECONNECT, PROMPTLY);

            assertThat(connection.state()).isNotEqualTo(ConnectionState.CONNECTED);
            assertThat(listener.lastFailure()).hasMessageContaining("TLS failed");
        }
    }

    @Test
    void enabledTlsWithoutAKeystoreIsAConfigurationError() {
        Configuration config = RpcTestSupport.config().set(SecurityOptions.SSL_INTERNAL_ENABLED, true);

        assertThatThrownBy(() -> new NettyRpcSystem(config, secret))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(SecurityOptions.SSL_INTERNAL_KEYSTORE.key());
    }

    private static Configuration tls(Path keys) {
        return RpcTestSupport.config()
                .set(SecurityOptions.SSL_INTERNAL_ENABLED, true)
                .set(SecurityOptions.SSL_INTERNAL_KEYSTORE, keys.toString())
                .set(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, PASSWORD)
                .set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE, trustStore.toString())
                .set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD, PASSWORD);
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
