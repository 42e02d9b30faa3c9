package io.weft.runtime.rpc;

import io.weft.api.WeftException;
import io.weft.rpc.messages.RpcErrorKind;

/**
 * The remote endpoint answered a request with an error: its handler failed, it has no handler for the message
 * type, or it refused the request. Carries the kind of error and the remote failure's class and message (the
 * remote exception itself never travels). Whether a restart helps is the caller's call: a {@link #kind()} of
 * {@link RpcErrorKind#UNKNOWN_MESSAGE} or {@link RpcErrorKind#UNSUPPORTED_VERSION} means mismatched versions.
 */
public class RemoteRpcException extends WeftException {
    private final RpcErrorKind kind;
    private final String remoteClass;
    private final String remoteMessage;

    public RemoteRpcException(String message, RpcErrorKind kind, String remoteClass, String remoteMessage) {
        super(message);
        this.kind = kind;
        this.remoteClass = remoteClass;
        this.remoteMessage = remoteMessage;
    }

    public RpcErrorKind kind() {
        return kind;
    }

    /** The class name of the failure at the remote endpoint. */
    public String remoteClass() {
        return remoteClass;
    }

    /** The message of the failure at the remote endpoint, with the messages of its causes. */
    public String remoteMessage() {
        return remoteMessage;
    }
}
