package io.weft.runtime.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.InvalidProgramException;
import io.weft.api.ProgramFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard against a program's {@code System.exit}, in child JVMs ({@link ExitGuardChild}): what it refuses and
 * records, what it lets through (Weft's own exits, threads outside a scope), and how it degrades where the JDK
 * refuses a Security Manager.
 */
class SystemExitGuardTest {
    @TempDir
    Path dir;

    @Test
    void whenMainExitsInAScope_thenTheExitIsRefusedAndRecorded() throws Exception {
        Ended ended = runChild("main");
        assertThat(ended.code).as(ended.err).isZero();
        assertThat(ended.out).containsExactly("installed true", "refused ProgramExit[status=3, thread=main, "
                + "mainThread=true]");
    }

    @Test
    void whenTheSecurityManagerIsInstalled_thenTheJdksDeprecationWarningIsNotShown() throws Exception {
        Ended ended = runChild("main");
        assertThat(ended.err).as("stderr of the child").isEmpty();
    }

    @Test
    void whenAThreadStartedInTheScopeExits_thenItIsRefusedAndNamed() throws Exception {
        Ended ended = runChild("started-thread");
        assertThat(ended.code).as(ended.err).isZero();
        assertThat(ended.out).contains("refused ProgramExit[status=4, thread=worker, mainThread=false]");
    }

    @Test
    void whenScopesNest_thenTheInnerOneRecordsAndTheOuterOneStaysClean() throws Exception {
        Ended ended = runChild("nested");
        assertThat(ended.out).contains("refused ProgramExit[status=7, thread=main, mainThread=true]",
                "outer Optional.empty");
    }

    @Test
    void whenAThreadStartedOutsideTheScopeExits_thenTheJvmEnds() throws Exception {
        assertThat(runChild("thread-of-elsewhere").code).isEqualTo(5);
    }

    @Test
    void whenAThreadOfAClosedScopeExits_thenTheJvmEnds() throws Exception {
        assertThat(runChild("after-close").code).isEqualTo(6);
    }

    @Test
    void whenWeftHitsAFatalErrorInAScope_thenItsOwnHaltIsNotRefused() throws Exception {
        assertThat(runChild("fatal").code).isEqualTo(ProcessShutdown.FATAL_EXIT_CODE);
    }

    @Test
    void whenTheHeapRunsOutInAScope_thenTheOutOfMemoryHaltIsNotRefused() throws Exception {
        Ended ended = runChild("out-of-memory");
        assertThat(ended.code).as(ended.err).isEqualTo(OutOfMemoryExit.EXIT_CODE);
    }

    @Test
    void whenTheJdkDisallowsASecurityManager_thenTheGuardIsOffAndExitsGoThroughQuietly() throws Exception {
        Ended ended = runChild("main", "-Djava.security.manager=disallow");
        assertThat(ended.code).isEqualTo(3);
        assertThat(ended.out).containsExactly("installed false");
        assertThat(ended.err).as("stderr of the child").isEmpty();
    }

    @Test
    void theRule_nonZeroFails_zeroAfterTheJobReturns_zeroBeforeItDefinesNoJob() {
        assertThat(new ProgramExit(3, "main", true).failure(false)).isInstanceOf(ProgramFailedException.class)
                .hasMessage("The program failed: its main() called System.exit(3) instead of returning; a Weft "
                        + "program returns from main() after execute(), and throws an exception to fail");
        assertThat(new ProgramExit(1, "main", true).failure(true)).isInstanceOf(ProgramFailedException.class);
        assertThat(new ProgramExit(2, "worker", false).failure(false)).hasMessageContaining(
                "its thread 'worker' called System.exit(2), which Weft refuses;");
        assertThat(new ProgramExit(0, "main", true).failure(true)).isNull();
        assertThat(new ProgramExit(0, "main", true).failure(false)).isInstanceOf(InvalidProgramException.class)
                .hasMessage("The program's main() called System.exit(0) before execute(), so it defines no job: a "
                        + "Weft program returns from main() after execute()");
    }

    private Ended runChild(String mode, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx32m", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExitGuardChild.class.getName(), mode));
        Process child = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child %s ended", mode).isTrue();
            return new Ended(child.exitValue(), Files.readAllLines(dir.resolve("out")),
                    Files.readString(dir.resolve("err")));
        } finally {
            child.destroyForcibly();
        }
    }

    private record Ended(int code, List<String> out, String err) {
    }
}
