package io.weft.runtime.rpc.netty;

import io.weft.rpc.messages.RpcEnvelope;
import io.weft.rpc.messages.RpcError;
import io.weft.rpc.messages.RpcErrorKind;
import io.weft.rpc.messages.RpcKind;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds and encodes the {@link RpcEnvelope}s of the RPC protocol, version {@value #PROTOCOL_VERSION}.
 *
 * <p>Stateless and thread-safe.
 */
final class Envelopes {
    /** The version of the handshake and envelope formats this code speaks. */
    static final int PROTOCOL_VERSION = 2;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final int MAX_ERROR_MESSAGE = 4096;

    private Envelopes() {
    }

    /** The frame of a request or one-way message ({@code correlationId} 0). */
    static byte[] message(RpcKind kind, long correlationId, SpecificRecord message) {
        return AvroCodec.encode(envelope(kind, correlationId, message));
    }

    static RpcEnvelope envelope(RpcKind kind, long correlationId, SpecificRecord message) {
        return RpcEnvelope.newBuilder()
                .setProtocolVersion(PROTOCOL_VERSION)
                .setCorrelationId(correlationId)
                .setKind(kind)
                .setMessageType(message.getSchema().getFullName())
                .setPayload(ByteBuffer.wrap(AvroCodec.encode(message)))
                .setError(null)
                .build();
    }

    /** The frame of an error answering request {@code correlationId}. */
    static byte[] error(long correlationId, RpcErrorKind kind, String errorClass, String message) {
        RpcEnvelope envelope = RpcEnvelope.newBuilder()
                .setProtocolVersion(PROTOCOL_VERSION)
                .setCorrelationId(correlationId)
                .setKind(RpcKind.ERROR)
                .setMessageType("")
                .setPayload(EMPTY)
                .setError(new RpcError(kind, errorClass, truncate(message)))
                .build();
        return AvroCodec.encode(envelope);
    }

    /** The frame of an error caused by {@code failure}, with the messages of its causes. */
    static byte[] error(long correlationId, RpcErrorKind kind, Throwable failure) {
        Throwable t = unwrap(failure);
        return error(correlationId, kind, t.getClass().getName(), describe(t));
    }

    static RpcEnvelope decode(byte[] frame) {
        return AvroCodec.decode(frame, RpcEnvelope.class);
    }

    static byte[] payload(RpcEnvelope envelope) {
        ByteBuffer buffer = envelope.getPayload().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** The failure inside the wrappers futures add. */
    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** A failure's message followed by those of its causes: "message; caused by Class: message". */
    static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(t.getMessage() == null ? "(no message)" : t.getMessage());
        Throwable cause = t.getCause();
        for (int depth = 0; cause != null && cause != t && depth < 5; depth++) {
            text.append("; caused by ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
            t = cause;
            cause = cause.getCause();
        }
        return text.toString();
    }

    private static String truncate(String message) {
        return message.length() <= MAX_ERROR_MESSAGE ? message : message.substring(0, MAX_ERROR_MESSAGE) + "…";
    }
}
