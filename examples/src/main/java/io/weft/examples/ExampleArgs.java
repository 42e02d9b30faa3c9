package io.weft.examples;

import io.weft.api.ProgramArgumentsException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} arguments of an example program, checked against the names it knows.
 *
 * <p>Every problem — an unknown name, a name without a value, a repeated name, a missing required one, a bad
 * number — is a {@link ProgramArgumentsException} whose one-line message says what is wrong, carrying the
 * program's usage line, which the CLI prints after it (exit code 2). Immutable.
 */
final class ExampleArgs {
    private final Map<String, String> values;
    private final String usage;

    private ExampleArgs(Map<String, String> values, String usage) {
        this.values = values;
        this.usage = usage;
    }

    /**
     * Parses {@code args} as pairs of a name out of {@code known} (with its leading {@code --}) and a value.
     *
     * @param usage the program's usage line, appended to every error message
     */
    static ExampleArgs parse(String[] args, String usage, String... known) {
        Set<String> names = Set.of(known);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!names.contains(name)) {
                throw new ProgramArgumentsException("Unknown argument '" + name + "'.", usage);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new ProgramArgumentsException("Argument " + name + " needs a value.", usage);
            }
            if (values.put(name, args[i + 1]) != null) {
                throw new ProgramArgumentsException("Argument " + name + " is given twice.", usage);
            }
        }
        return new ExampleArgs(values, usage);
    }

    /** The value of a required argument. */
    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new ProgramArgumentsException("Missing argument " + name + ".", usage);
        }
        return value;
    }

    /** The value of an optional argument, or {@code defaultValue}. */
    String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of an argument as a number of at least {@code min}. */
    long longAtLeast(String name, long min) {
        String value = required(name);
        try {
            long n = Long.parseLong(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below, together with the out-of-range case.
        }
        throw new ProgramArgumentsException("Argument " + name + " must be a whole number of at least " + min
                + ", not '" + value + "'.", usage);
    }

    /** The value of an argument that must be one of {@code choices} (compared ignoring case). */
    String choice(String name, String defaultValue, List<String> choices) {
        String value = get(name, defaultValue);
        for (String c : choices) {
            if (c.equalsIgnoreCase(value)) {
                return c;
            }
        }
        throw new ProgramArgumentsException("Argument " + name + " must be one of " + String.join(", ", choices)
                + ", not '" + value + "'.", usage);
    }
}
