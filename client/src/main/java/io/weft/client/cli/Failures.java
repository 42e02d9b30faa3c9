package io.weft.client.cli;

import io.weft.api.ProgramArgumentsException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Queries on a throwable's cause chain: finding an exception type in it and the message that best explains it.
 *
 * <p>Chains are walked through {@link Throwable#getCause()} and guarded against cycles. Stateless and thread-safe.
 */
final class Failures {
    private Failures() {
    }

    /** The first throwable in the cause chain of {@code t} (itself included) that is a {@code type}, or null. */
    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        return type.cast(findAny(t, List.of(type)));
    }

    /** The first throwable in the cause chain of {@code t} (itself included) that is any of {@code types}, or null. */
    static Throwable findAny(Throwable t, List<Class<? extends Throwable>> types) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * The message of the deepest throwable in the chain that has one: the root cause as its author described it
     * (for a failed job, usually the exception the user's function threw). Falls back to the class name of the
     * deepest throwable when none has a message.
     */
    static String rootCauseMessage(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String message = null;
        Throwable deepest = t;
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            deepest = c;
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return oneLine(message != null ? message : deepest.getClass().getName());
    }

    /** The message of {@code t} itself, else its root cause's (see {@link #rootCauseMessage}). */
    static String message(Throwable t) {
        String own = t.getMessage();
        return own != null && !own.isBlank() ? oneLine(own) : rootCauseMessage(t);
    }

    /**
     * The one-line message of a usage or configuration failure, followed by the program's usage on a line of its
     * own when the program rejected its arguments with one ({@link ProgramArgumentsException}).
     */
    static String messageWithUsage(Throwable t) {
        ProgramArgumentsException arguments = find(t, ProgramArgumentsException.class);
        return arguments != null && arguments.usage() != null
                ? message(arguments) + System.lineSeparator() + oneLine(arguments.usage()) : message(t);
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
