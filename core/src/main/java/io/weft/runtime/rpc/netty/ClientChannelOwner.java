package io.weft.runtime.rpc.netty;

import io.netty.channel.Channel;
import io.weft.runtime.rpc.RpcConnectionException;

/**
 * What a client channel's handlers tell the connection that opened it. Every method is called on the channel's
 * event loop, at most once per channel in the order attempt → authenticated or failed → lost.
 */
interface ClientChannelOwner {
    /** The handshake succeeded; {@code session} carries the channel's traffic from now on. */
    void authenticated(Channel channel, ClientSession session);

    /** TLS or the handshake failed; the channel is closed. */
    void attemptFailed(Channel channel, RpcConnectionException cause);

    /** An authenticated channel closed; its waiting requests have failed with {@code cause}. */
    void lost(Channel channel, RpcConnectionException cause);
}
