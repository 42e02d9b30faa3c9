package io.weft.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a test can learn about a sandbox from its directory: the pid in {@code sandbox.pid}, whether that pid is
 * still a live sandbox JVM, and the end of {@code sandbox.log}. Stateless.
 */
final class SandboxProcess {
    static final String MAIN_CLASS = "io.weft.sandbox.SandboxMain";

    private SandboxProcess() {
    }

    /** The pid of the sandbox's pid file, or 0. */
    static long pid(Path sandboxDir) {
        try {
            String line = Files.readString(sandboxDir.resolve("sandbox.pid")).strip();
            return line.matches("[0-9]+") ? Long.parseLong(line) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether {@code pid} is a live sandbox JVM (a zombie's command line is empty). */
    static boolean runs(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).contains(MAIN_CLASS);
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills the sandbox of {@code sandboxDir} by its pid if it still runs. */
    static void killIfRunning(Path sandboxDir) {
        long pid = pid(sandboxDir);
        if (pid > 0 && runs(pid)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The end of the sandbox's log, for assertion messages. */
    static String logTail(Path sandboxDir) {
        try {
            List<String> lines = Files.readAllLines(sandboxDir.resolve("sandbox.log"));
            return "\n--- end of sandbox.log ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(no sandbox.log: " + e + ")";
        }
    }
}
