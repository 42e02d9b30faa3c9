package io.weft.runtime.rpc;

/**
 * The state of an {@link RpcConnection}.
 *
 * <pre>
 *   CONNECTING ──authenticated──▶ CONNECTED
 *       ▲    │                        │ lost
 *       │    └──failed──▶ DISCONNECTED ◀┘
 *       └──back-off elapsed──┘
 *   any state ──close()──▶ CLOSED
 * </pre>
 */
public enum ConnectionState {
    /** An attempt (TCP connect, TLS, secret handshake) is under way; requests fail at once. */
    CONNECTING,
    /** Authenticated: requests and one-way messages are sent. */
    CONNECTED,
    /** The last attempt failed or the connection was lost; the next attempt waits for its back-off. */
    DISCONNECTED,
    /** Closed by this process; terminal. */
    CLOSED;

    public boolean isTerminal() {
        return this == CLOSED;
    }
}
