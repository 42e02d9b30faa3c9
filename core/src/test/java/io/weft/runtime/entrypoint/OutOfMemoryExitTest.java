package io.weft.runtime.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The halt on OutOfMemoryError and the bounded shutdown, in child JVMs ({@link OutOfMemoryChild}) with small heaps. */
class OutOfMemoryExitTest {
    private static final String HEAP_LINE = "Weft TestProcess ran out of heap memory (OutOfMemoryError: Java heap"
            + " space); exiting with code 52. Give it more memory: test.memory.size";

    @TempDir
    Path dir;

    /** On the main thread, on another thread, and handed over as the cause of another error. */
    @ParameterizedTest
    @ValueSource(strings = {"main", "thread", "wrapped"})
    void whenTheHeapRunsOut_thenTheProcessExits52WithItsLine(String where) throws Exception {
        Ended ended = runChild(where);
        assertThat(ended.code).as(ended.err).isEqualTo(OutOfMemoryExit.EXIT_CODE);
        assertThat(ended.lastErrLine()).isEqualTo(HEAP_LINE);
    }

    @Test
    void whenTheErrorIsNotAboutMemory_thenNothingHalts() throws Exception {
        Ended ended = runChild("not-out-of-memory");
        assertThat(ended.code).as(ended.err).isZero();
    }

    @Test
    void whenAShutdownHookBlocks_thenSigtermEndsTheProcessWithinTheBound() throws Exception {
        Process child = start("blocked-shutdown");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            long signalled = System.nanoTime();
            child.destroy(); // SIGTERM
            boolean ended = child.waitFor(ShutdownDeadline.BOUND.toSeconds() + 10, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled);
            assertThat(ended).as("ended within the bound").isTrue();
            assertThat(seconds).isGreaterThanOrEqualTo(ShutdownDeadline.BOUND.toSeconds() - 1);
            assertThat(child.exitValue()).isEqualTo(ShutdownDeadline.EXIT_CODE);
            List<String> err = Files.readAllLines(dir.resolve("err"));
            assertThat(err).last().asString().contains("TestProcess did not stop within 8 s");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void causesAreFollowedAndNettysPoolLimitIsNoOutOfMemory() throws Exception {
        var nettyLimit = io.netty.util.internal.OutOfDirectMemoryError.class.getDeclaredConstructor(String.class);
        nettyLimit.setAccessible(true);
        assertThat(OutOfMemoryExit.isOutOfMemory(new RuntimeException(new IOException(new OutOfMemoryError()))))
                .isTrue();
        assertThat(OutOfMemoryExit.isOutOfMemory(new RuntimeException("no"))).isFalse();
        assertThat(OutOfMemoryExit.isOutOfMemory(null)).isFalse();
        assertThat(OutOfMemoryExit.isOutOfMemory(nettyLimit.newInstance("failed to allocate 16 byte(s)"))).isFalse();
    }

    private Ended runChild(String mode) throws Exception {
        Process child = start(mode);
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child %s ended", mode).isTrue();
            return new Ended(child.exitValue(), Files.readString(dir.resolve("err")));
        } finally {
            child.destroyForcibly();
        }
    }

    private Process start(String mode) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx32m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), OutOfMemoryChild.class.getName(), mode)
                .redirectError(dir.resolve("err").toFile()).start();
    }

    private record Ended(int code, String err) {
        String lastErrLine() {
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("stderr").isNotEmpty();
            return lines.get(lines.size() - 1);
        }
    }
}
