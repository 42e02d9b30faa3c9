package io.weft.runtime;

import io.weft.api.FatalException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure as it travels between processes: the root cause's class and message, the full stack trace as text,
 * and whether it is fatal (no restart can cure it). Never the exception object itself, so no Java
 * serialization is needed. Immutable.
 */
public record ErrorInfo(String exceptionClass, String message, String stackTrace, boolean fatal) {
    /** Describes {@code t}: its root cause's class and message (the user's own words), and the whole trace. */
    public static ErrorInfo of(Throwable t) {
        Throwable root = t;
        boolean fatal = false;
        for (Throwable c = t; c != null; c = c.getCause()) {
            fatal |= c instanceof FatalException;
            if (c.getMessage() != null || root.getMessage() == null) {
                root = c;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return new ErrorInfo(root.getClass().getName(), root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage(), w.toString(), fatal);
    }

    /** An exception standing for this failure, for the job's result. */
    public RemoteFailureException toException() {
        return new RemoteFailureException(this);
    }

    @Override
    public String toString() {
        return exceptionClass + ": " + message;
    }
}
