package io.weft.runtime.rpc.netty;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.weft.config.ConfigOption;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.SecurityOptions;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS contexts of internal connections, built once from the {@code security.ssl.internal.*} options: both
 * sides present the keystore's certificate and require the peer's to be trusted by the truststore (mutual TLS).
 * Host names are not checked — trust comes from the truststore, which should hold only the cluster's own
 * certificates, as in Flink's internal TLS.
 *
 * <p>Immutable and thread-safe.
 */
final class TlsContexts {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private final SslContext server;
    private final SslContext client;
    private final long handshakeTimeoutMillis;

    private TlsContexts(SslContext server, SslContext client, long handshakeTimeoutMillis) {
        this.server = server;
        this.client = client;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /**
     * The contexts, or empty when {@code security.ssl.internal.enabled} is false.
     *
     * @throws IllegalConfigurationException naming the option when a store is missing or unreadable
     */
    static Optional<TlsContexts> fromConfiguration(Configuration config, RpcSettings settings) {
        if (!config.get(SecurityOptions.SSL_INTERNAL_ENABLED)) {
            return Optional.empty();
        }
        char[] keyPassword = config.get(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD).toCharArray();
        KeyStore keyStore = load(config, SecurityOptions.SSL_INTERNAL_KEYSTORE, keyPassword);
        KeyStore trustStore = load(config, SecurityOptions.SSL_INTERNAL_TRUSTSTORE,
                config.get(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD).toCharArray());
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, keyPassword);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SslContext server = SslContextBuilder.forServer(keys)
                    .trustManager(trust)
                    .clientAuth(ClientAuth.REQUIRE)
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .build();
            SslContext client = SslContextBuilder.forClient()
                    .keyManager(keys)
                    .trustManager(trust)
                    .endpointIdentificationAlgorithm(null)
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .build();
            return Optional.of(new TlsContexts(server, client, settings.handshakeTimeout().toMillis()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalConfigurationException("Cannot set up internal TLS from '"
                    + SecurityOptions.SSL_INTERNAL_KEYSTORE.key() + "' and '"
                    + SecurityOptions.SSL_INTERNAL_TRUSTSTORE.key() + "': " + e
                    + "; check that the keystore holds a private key whose password is the keystore password");
        }
    }

    SslHandler newServerHandler(ByteBufAllocator alloc) {
        SslHandler handler = server.newHandler(alloc);
        handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        return handler;
    }

    SslHandler newClientHandler(ByteBufAllocator alloc, String host, int port) {
        SslHandler handler = client.newHandler(alloc, host, port);
        handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        return handler;
    }

    private static KeyStore load(Configuration config, ConfigOption<String> pathOption, char[] password) {
        String path = config.get(pathOption);
        if (path.isBlank()) {
            throw new IllegalConfigurationException("'" + SecurityOptions.SSL_INTERNAL_ENABLED.key()
                    + "' is true but '" + pathOption.key() + "' is not set: give the path of a PKCS12 or JKS file");
        }
        try {
            return KeyStore.getInstance(new File(path), password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalConfigurationException("Cannot load '" + pathOption.key() + "' = " + path + ": " + e
                    + "; check the path and its password option");
        }
    }
}
