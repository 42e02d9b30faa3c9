package io.weft.client.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The places {@code weft run -t} can send a program's jobs to, by their {@code execution.target} names.
 *
 * <p>Immutable and thread-safe.
 */
enum Target {
    /** An embedded cluster in the CLI's JVM. */
    LOCAL("local"),
    /** A standalone cluster reached through its REST address ({@code -m HOST:PORT}). */
    REMOTE("remote"),
    /** A YARN application started for the one job and ended with it. */
    YARN_PER_JOB("yarn-per-job"),
    /** A running YARN session cluster. */
    YARN_SESSION("yarn-session"),
    /** A YARN application that runs the program's main() in its ApplicationMaster. */
    YARN_APPLICATION("yarn-application");

    private final String cliName;

    Target(String cliName) {
        this.cliName = cliName;
    }

    /** The name used by {@code -t} and {@code execution.target}. */
    String cliName() {
        return cliName;
    }

    /** Whether this version of Weft can run jobs on the target. */
    boolean isAvailable() {
        return true;
    }

    /** Whether the target is on YARN. */
    boolean isYarn() {
        return this == YARN_PER_JOB || this == YARN_SESSION || this == YARN_APPLICATION;
    }

    /**
     * The target named {@code name}.
     *
     * @param source where the name came from, for the message ({@code "-t"}, {@code "execution.target"})
     * @throws UsageException naming the valid targets when {@code name} is none of them
     */
    static Target fromName(String name, String source) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Target t : values()) {
            if (t.cliName.equals(wanted)) {
                return t;
            }
        }
        throw new UsageException("Unknown target '" + name + "' in " + source + ": use one of "
                + Arrays.stream(values()).map(Target::cliName).collect(Collectors.joining(", ")));
    }
}
