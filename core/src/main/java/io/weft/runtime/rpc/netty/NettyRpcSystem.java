package io.weft.runtime.rpc.netty;

import io.weft.config.Configuration;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RpcClient;
import io.weft.runtime.rpc.RpcServer;
import io.weft.runtime.rpc.RpcSystem;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link RpcSystem} over Netty (NIO): 4-byte length-prefixed frames carrying Avro-encoded envelopes, optional
 * TLS, and a mutual HMAC challenge–response over the cluster secret before anything else. Create one per process,
 * at its composition root; nothing above this package sees a Netty type.
 *
 * <p>Reads {@code rpc.*} and {@code security.ssl.internal.*} once, at construction, and fails there on bad values.
 * Immutable and thread-safe.
 */
public final class NettyRpcSystem implements RpcSystem {
    private final ClusterSecret secret;
    private final RpcSettings settings;
    private final Optional<TlsContexts> tls;

    /**
     * @throws io.weft.config.IllegalConfigurationException naming the option when a value is unusable or a TLS
     *     store cannot be loaded
     */
    public NettyRpcSystem(Configuration config, ClusterSecret secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.settings = RpcSettings.fromConfiguration(config);
        this.tls = TlsContexts.fromConfiguration(config, settings);
    }

    @Override
    public RpcServer startServer(String bindHost, int port) {
        return NettyRpcServer.start(bindHost, port, secret, settings, tls);
    }

    @Override
    public RpcClient createClient() {
        return new NettyRpcClient(secret, settings, tls);
    }
}
