package io.weft.runtime.rpc.netty;

import io.weft.runtime.rpc.ClusterSecret;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What every connection of one RPC client shares: the secret, the settings, TLS, and the callback thread on which
 * futures complete.
 *
 * <p>Immutable and thread-safe.
 */
record ClientResources(ClusterSecret secret, RpcSettings settings, Optional<TlsContexts> tls, Executor callbacks) {
}
