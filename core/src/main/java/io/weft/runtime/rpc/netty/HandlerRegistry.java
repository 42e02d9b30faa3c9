package io.weft.runtime.rpc.netty;

import io.weft.runtime.rpc.RequestHandler;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.apache.avro.specific.SpecificRecord;

/**
 * The request handlers of one RPC server, by message type name (the full name of the message's schema).
 *
 * <p>Thread-safe: handlers are registered from any thread and looked up on event loops.
 */
final class HandlerRegistry {
    private final ConcurrentMap<String, Registration<?>> handlers = new ConcurrentHashMap<>();

    <T extends SpecificRecord> void register(Class<T> type, Executor executor, RequestHandler<? super T> handler) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(handler, "handler");
        String name = AvroCodec.typeName(type);
        Registration<?> previous = handlers.putIfAbsent(name, new Registration<>(type, executor, handler));
        if (previous != null) {
            throw new IllegalStateException("A handler for RPC message type " + name + " is already registered");
        }
    }

    /** The registration for a message type name, or null. */
    Registration<?> lookup(String typeName) {
        return handlers.get(typeName);
    }

    /** One message type's handler and the executor it runs on. */
    record Registration<T extends SpecificRecord>(Class<T> type, Executor executor,
            RequestHandler<? super T> handler) {
        /** Decodes a payload as this type, strictly. */
        SpecificRecord decode(byte[] payload) {
            return AvroCodec.decode(payload, type);
        }

        /** Calls the handler with a message this registration decoded. */
        CompletableFuture<? extends SpecificRecord> invoke(SpecificRecord message) {
            return handler.handle(type.cast(message));
        }
    }
}
