package io.weft.runtime;

import io.weft.api.WeftException;

/**
 * A failure that happened elsewhere (in a task, on another process), rebuilt from its {@link ErrorInfo}: the
 * message is the original root cause's message, and {@link #toString()} and the stack trace text carry the rest.
 */
public final class RemoteFailureException extends WeftException {
    private final ErrorInfo info;

    public RemoteFailureException(ErrorInfo info) {
        super(info.message());
        this.info = info;
    }

    public ErrorInfo getErrorInfo() {
        return info;
    }

    @Override
    public String toString() {
        return info.exceptionClass() + ": " + info.message();
    }
}
