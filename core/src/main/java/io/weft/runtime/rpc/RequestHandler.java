package io.weft.runtime.rpc;

import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;

/**
 * Handles the messages of one type arriving at an {@link RpcServer}.
 *
 * <p>Runs on the executor given at registration. For a request, the returned future's value is sent back as the
 * response; a failed future, an exception thrown by {@code handle}, or a null future or value travel back as a
 * {@link RemoteRpcException}. For a one-way message the result is ignored and may be null.
 *
 * @param <T> the message type
 */
@FunctionalInterface
public interface RequestHandler<T extends SpecificRecord> {
    CompletableFuture<? extends SpecificRecord> handle(T message);
}
