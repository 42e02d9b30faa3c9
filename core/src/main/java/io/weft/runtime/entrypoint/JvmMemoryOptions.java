package io.weft.runtime.entrypoint;

import io.weft.api.FatalException;
import io.weft.config.Configuration;
import io.weft.config.ProcessMemory;
import java.util.Arrays;

/**
 * Prints the JVM options of a JobManager or TaskManager process, derived from its memory configuration, on one
 * line: {@code JvmMemoryOptions jobmanager|taskmanager [--configDir DIR] [-D key=value]...}. The start scripts
 * call it when no JVM options are given explicitly. Exit code 2 with one line on stderr for a configuration error.
 */
public final class JvmMemoryOptions {
    private JvmMemoryOptions() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !(args[0].equals("jobmanager") || args[0].equals("taskmanager"))) {
            System.err.println("Usage: JvmMemoryOptions jobmanager|taskmanager [--configDir DIR] [-D key=value]...");
            System.exit(2);
            return;
        }
        try {
            Configuration config = EntrypointArguments.load(Arrays.copyOfRange(args, 1, args.length),
                    System.getenv());
            ProcessMemory memory = args[0].equals("jobmanager") ? ProcessMemory.forJobManager(config)
                    : ProcessMemory.forTaskManager(config);
            System.out.println(String.join(" ", memory.jvmOptions()));
        } catch (FatalException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
