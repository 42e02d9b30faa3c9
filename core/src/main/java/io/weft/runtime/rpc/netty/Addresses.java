package io.weft.runtime.rpc.netty;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formats socket addresses for log and error messages as {@code host:port}. Stateless and thread-safe. */
final class Addresses {
    private Addresses() {
    }

    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return describe(inet.getHostString(), inet.getPort());
        }
        return String.valueOf(address);
    }

    static String describe(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
