package io.weft.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way {@code weft run} refuses a command line: exit code 2, one line on stderr that names the problem, no
 * stack trace, and the program never started.
 */
class CliFrontendUsageErrorsTest {
    @TempDir
    static Path jars;

    private static Path helloJar;
    private static Path noManifestMainJar;
    private static Path missingMainClassJar;
    private static Path noMainMethodJar;

    @TempDir
    Path confDir;

    private Map<String, String> env;

    @BeforeAll
    static void buildJars() throws IOException {
        Path classes = TestJars.compile(jars, Map.of(
                "demo.Hello", """
                        package demo;
                        public class Hello {
                            public static void main(String[] args) {
                                throw new IllegalStateException("the program must not start");
                            }
                        }
                        """,
                "demo.NoMain", """
                        package demo;
                        public class NoMain {
                            public static void run(String[] args) {
                            }
                        }
                        """,
                "demo.InstanceMain", """
                        package demo;
                        public class InstanceMain {
                            public void main(String[] args) {
                            }
                        }
                        """));
        helloJar = TestJars.jar(classes, jars.resolve("hello.jar"), "demo.Hello");
        noManifestMainJar = TestJars.jar(classes, jars.resolve("no-main-class.jar"), null);
        missingMainClassJar = TestJars.jar(classes, jars.resolve("missing-main-class.jar"), "demo.Missing");
        noMainMethodJar = TestJars.jar(classes, jars.resolve("no-main-method.jar"), "demo.NoMain");
    }

    @BeforeEach
    void emptyConfDir() throws IOException {
        env = Map.of("WEFT_CONF_DIR", CliResult.confDir(confDir));
    }

    @Test
    void whenJarDoesNotExist_thenRefusedNamingThePath() {
        Path missing = jars.resolve("nope.jar");

        CliResult r = CliResult.of(env, "run", missing.toString());

        assertOneLineUsageError(r, "Job jar " + missing + " does not exist");
    }

    @Test
    void whenJarIsADirectory_thenRefused() {
        CliResult r = CliResult.of(env, "run", jars.toString());

        assertOneLineUsageError(r, "is not a file");
    }

    @Test
    void whenFileIsNotAJar_thenRefused() throws IOException {
        Path text = Files.writeString(jars.resolve("text.jar"), "this is not a zip archive\n");

        CliResult r = CliResult.of(env, "run", text.toString());

        assertOneLineUsageError(r, text + " is not a jar file");
    }

    @Test
    void whenFileIsNotAJar_thenRefusedEvenWithMainClassOption() throws IOException {
        Path text = Files.writeString(jars.resolve("text2.jar"), "still not a zip archive\n");

        CliResult r = CliResult.of(env, "run", "-c", "demo.Hello", text.toString());

        assertOneLineUsageError(r, "is not a jar file");
    }

    @Test
    void whenManifestHasNoMainClassAndNoOption_thenRefusedPointingAtMinusC() {
        CliResult r = CliResult.of(env, "run", noManifestMainJar.toString());

        assertOneLineUsageError(r, "has no Main-Class in its manifest: name the entry class with -c");
    }

    @Test
    void whenManifestMainClassIsNotInJar_thenRefused() {
        CliResult r = CliResult.of(env, "run", missingMainClassJar.toString());

        assertOneLineUsageError(r, "Main class demo.Missing not found in " + missingMainClassJar);
    }

    @Test
    void whenOptionMainClassIsNotInJar_thenRefused() {
        CliResult r = CliResult.of(env, "run", "-c", "demo.Elsewhere", helloJar.toString());

        assertOneLineUsageError(r, "Main class demo.Elsewhere not found");
    }

    @Test
    void whenMainClassHasNoMainMethod_thenRefused() {
        CliResult r = CliResult.of(env, "run", noMainMethodJar.toString());

        assertOneLineUsageError(r, "Class demo.NoMain in " + noMainMethodJar
                + " has no public static void main(String[]) method");
    }

    @Test
    void whenMainMethodIsNotStatic_thenRefused() {
        CliResult r = CliResult.of(env, "run", "-c", "demo.InstanceMain", helloJar.toString());

        assertOneLineUsageError(r, "has no public static void main(String[])");
    }

    @Test
    void whenConfFileHasUnknownKey_thenRefusedWithDidYouMeanFileAndLine() throws IOException {
        Path file = Files.writeString(confDir.resolve("weft-conf.yaml"),
                "# comment\nparallelism.default: 2\ntaskmanager.numberOfTaskSlot: 4\n");

        CliResult r = CliResult.of(env, "run", helloJar.toString());

        assertOneLineUsageError(r, "Unknown configuration key 'taskmanager.numberOfTaskSlot' in " + file
                + ", line 3: did you mean 'taskmanager.numberOfTaskSlots'?");
    }

    @Test
    void whenConfFileHasBadValue_thenRefusedNamingKeyAndFile() throws IOException {
        Path file = Files.writeString(confDir.resolve("weft-conf.yaml"), "parallelism.default: many\n");

        CliResult r = CliResult.of(env, "run", helloJar.toString());

        assertOneLineUsageError(r, "Invalid value 'many' for 'parallelism.default'");
        assertThat(r.err()).contains(file + ", line 1");
    }

    @Test
    void whenConfFileIsMalformed_thenRefusedNamingFileAndLine() throws IOException {
        Path file = Files.writeString(confDir.resolve("weft-conf.yaml"), "parallelism.default: 2\n  rest: : x\n");

        CliResult r = CliResult.of(env, "run", helloJar.toString());

        assertOneLineUsageError(r, "Cannot load " + file + ", line 2: ");
    }

    @Test
    void whenConfDirIsAFile_thenRefusedSayingSo() throws IOException {
        Path file = Files.writeString(confDir.resolve("weft-conf.yaml"), "parallelism.default: 2\n");

        CliResult r = CliResult.of(Map.of("WEFT_CONF_DIR", file.toString()), "run", helloJar.toString());

        assertOneLineUsageError(r, "WEFT_CONF_DIR names " + file + ", which is a file, not a directory");
    }

    @Test
    void whenConfDirHasNoConfFile_thenRefusedRatherThanSilentDefaults() throws IOException {
        Path empty = Files.createDirectories(confDir.resolve("empty"));

        CliResult r = CliResult.of(Map.of("WEFT_CONF_DIR", empty.toString()), "run", helloJar.toString());

        assertOneLineUsageError(r, "The configuration directory " + empty + " named by WEFT_CONF_DIR has no"
                + " weft-conf.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"taskmanager.numberOfTaskSlots: 0|an integer of at least 1",
            "rest.port: 99999|a port from 0 to 65535", "yarn.application-attempts: 0|an integer of at least 1",
            "pipeline.max-parallelism: 100000|an integer from 1 to 32768"})
    void whenConfValueIsOutOfRange_thenRefusedNamingKeyValueAndRange(String lineAndRange) throws IOException {
        String[] parts = lineAndRange.split("\\|");
        String key = parts[0].substring(0, parts[0].indexOf(':'));
        String value = parts[0].substring(parts[0].indexOf(':') + 2);
        Files.writeString(confDir.resolve("weft-conf.yaml"), parts[0] + "\n");

        CliResult r = CliResult.of(env, "run", helloJar.toString());

        assertOneLineUsageError(r, "Invalid value '" + value + "' for '" + key + "': expected " + parts[1]);
    }

    @Test
    void whenParallelismIsAboveTheMaxParallelism_thenRefusedBeforeAnythingStarts() {
        assertOneLineUsageError(CliResult.of(env, "run", "-p", "100000", helloJar.toString()),
                "Parallelism 100000 (-p) is above the largest max parallelism, 32768");
        assertOneLineUsageError(CliResult.of(env, "run", "-p", "64", "-D", "pipeline.max-parallelism=32",
                helloJar.toString()), "Parallelism 64 (-p) is above the max parallelism 32"
                + " (pipeline.max-parallelism): lower -p or raise pipeline.max-parallelism");
    }

    @Test
    void whenDynamicPropertyIsOutOfRange_thenRefused() {
        CliResult r = CliResult.of(env, "run", "-D", "taskmanager.numberOfTaskSlots=0", helloJar.toString());

        assertOneLineUsageError(r, "Invalid value '0' for 'taskmanager.numberOfTaskSlots': expected an integer of"
                + " at least 1");
    }

    @Test
    void whenConfDirDoesNotExist_thenRefusedNamingTheVariable() {
        CliResult r = CliResult.of(Map.of("WEFT_CONF_DIR", confDir.resolve("nope").toString()), "run",
                helloJar.toString());

        assertOneLineUsageError(r, "named by WEFT_CONF_DIR does not exist");
    }

    @Test
    void whenDynamicPropertyKeyIsUnknown_thenRefusedWithDidYouMean() {
        CliResult r = CliResult.of(env, "run", "-D", "paralelism.default=2", helloJar.toString());

        assertOneLineUsageError(r,
                "Unknown configuration key 'paralelism.default' in -D: did you mean 'parallelism.default'?");
    }

    @Test
    void whenAttachedDynamicPropertyKeyIsUnknown_thenRefusedWithDidYouMean() {
        CliResult r = CliResult.of(env, "run", "-Dparalelism.default=2", helloJar.toString());

        assertOneLineUsageError(r, "did you mean 'parallelism.default'?");
    }

    @Test
    void whenDynamicPropertyValueIsInvalid_thenRefused() {
        CliResult r = CliResult.of(env, "run", "-D", "parallelism.default=x", helloJar.toString());

        assertOneLineUsageError(r, "Invalid value 'x' for 'parallelism.default': expected an integer");
        assertThat(r.err().strip()).endsWith("(in -D)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"parallelism.default", "=2", ""})
    void whenDynamicPropertyIsMalformed_thenRefused(String property) {
        CliResult r = CliResult.of(env, "run", "-D", property, helloJar.toString());

        assertOneLineUsageError(r, "Malformed -D '" + property + "': write -D key=value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3"})
    void whenParallelismBelowOne_thenRefused(String p) {
        CliResult r = CliResult.of(env, "run", "-p", p, helloJar.toString());

        assertOneLineUsageError(r, "Parallelism must be at least 1, not " + p + ": fix -p");
    }

    @Test
    void whenParallelismIsNotANumber_thenRefusedPointingAtHelp() {
        CliResult r = CliResult.of(env, "run", "-p", "four", helloJar.toString());

        assertOneLineUsageError(r, "'four' is not an int");
        assertThat(r.err()).contains("weft run --help");
    }

    @Test
    void whenDetachedOnLocalTarget_thenRefusedExplainingWhy() {
        CliResult r = CliResult.of(env, "run", "-d", helloJar.toString());

        assertOneLineUsageError(r, "Detached mode (-d) needs a cluster");
        assertThat(r.err()).contains("drop -d");
    }

    @Test
    void whenConfigSaysDetached_thenRefusedNamingTheKey() {
        CliResult r = CliResult.of(env, "run", "-D", "execution.attached=false", helloJar.toString());

        assertOneLineUsageError(r, "Detached mode (execution.attached: false)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yarn-per-job", "yarn-session", "yarn-application"})
    void whenYarnTargetWithoutHadoopConfDir_thenOneLineNamingBothVariables(String target) {
        CliResult r = CliResult.of(env, "run", "-t", target, "-D", "yarn.application.id=application_1_0001",
                helloJar.toString());

        assertOneLineUsageError(r, "Neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"remote", "yarn-session"})
    void whenAClusterSettingIsSetWithDForAClusterOfManyJobs_thenRefusedNamingTheKeyBeforeAnythingIsContacted(
            String target) {
        CliResult r = CliResult.of(env, "run", "-t", target, "-D", "restart-strategy.type=none", "-D",
                "taskmanager.memory.process.size=2g", helloJar.toString());

        assertOneLineUsageError(r, "'taskmanager.memory.process.size' (-D of a run on target " + target
                + ") is a cluster setting");
        assertThat(r.err()).contains("restart-strategy.*");
    }

    @Test
    void whenConfigNamesYarnTargetWithoutHadoopConfDir_thenOneLineNamingBothVariables() throws IOException {
        Files.writeString(confDir.resolve("weft-conf.yaml"), "execution.target: yarn-per-job\n");

        CliResult r = CliResult.of(env, "run", helloJar.toString());

        assertOneLineUsageError(r, "Neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set");
    }

    @Test
    void whenYarnTargetWithJobManagerAddress_thenRefused() {
        CliResult r = CliResult.of(env, "run", "-t", "yarn-per-job", "-m", "localhost:8081", helloJar.toString());

        assertOneLineUsageError(r, "-m localhost:8081 addresses a standalone cluster, but the target is yarn-per-job");
    }

    @Test
    void whenPerJobJarIsMissing_thenExitCode2BeforeTheClusterIsAsked() throws IOException {
        Files.writeString(confDir.resolve("yarn-site.xml"), "<configuration/>");
        CliResult r = CliResult.of(Map.of("WEFT_CONF_DIR", confDir.toString(), "HADOOP_CONF_DIR",
                confDir.toString()), "run", "-t", "yarn-per-job", confDir.resolve("missing.jar").toString());

        assertOneLineUsageError(r, "missing.jar does not exist");
    }

    @Test
    void whenClusterCommandTargetsYarnSessionWithoutHadoopConfDir_thenOneLine() {
        CliResult r = CliResult.of(env, "list", "-t", "yarn-session", "-id", "application_1_0001");

        assertOneLineUsageError(r, "Neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set");
    }

    @Test
    void whenTargetIsUnknown_thenRefusedListingTargets() {
        CliResult r = CliResult.of(env, "run", "-t", "mars", helloJar.toString());

        assertOneLineUsageError(r, "Unknown target 'mars' in -t: use one of local, remote, yarn-per-job, "
                + "yarn-session, yarn-application");
    }

    @Test
    void whenSavepointGiven_thenRefusedAsUnavailable() {
        CliResult r = CliResult.of(env, "run", "-s", "/tmp/savepoint-1", helloJar.toString());

        assertOneLineUsageError(r, "Savepoints (-s) are not available in this version of Weft");
        assertThat(r.err()).contains("run without -s");
    }

    @Test
    void whenJobManagerAddressGivenWithTargetLocal_thenRefused() {
        CliResult r = CliResult.of(env, "run", "-t", "local", "-m", "host:8081", helloJar.toString());

        assertOneLineUsageError(r, "-m host:8081 addresses a remote cluster, but the target is local");
    }

    @Test
    void whenJarMissingFromCommandLine_thenRefusedPointingAtHelp() {
        CliResult r = CliResult.of(env, "run", "-p", "2");

        assertOneLineUsageError(r, "Missing required parameter: 'JOB.jar'");
        assertThat(r.err()).contains("weft run --help");
    }

    @Test
    void whenOptionIsUnknown_thenRefused() {
        CliResult r = CliResult.of(env, "run", "--frobnicate", helloJar.toString());

        assertOneLineUsageError(r, "Unknown option: '--frobnicate'");
    }

    @Test
    void whenNoCommand_thenUsageOnStderr() {
        CliResult r = CliResult.of(env);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Missing command").contains("Usage: weft").contains("run");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void whenCommandIsUnknown_thenUsageOnStderr() {
        CliResult r = CliResult.of(env, "frobnicate");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines().get(0)).isEqualTo("Unknown command 'frobnicate'");
        assertThat(r.err()).contains("Usage: weft");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void whenVerbose_thenUsageErrorComesWithStackTrace() {
        CliResult r = CliResult.of(env, "run", "-v", "-p", "0", helloJar.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines().get(0)).startsWith("Parallelism must be at least 1");
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void whenDebugEnvironmentSet_thenUsageErrorComesWithStackTrace() {
        Map<String, String> debugEnv = Map.of("WEFT_CONF_DIR", confDir.toString(), "WEFT_DEBUG", "1");

        CliResult r = CliResult.of(debugEnv, "run", "-p", "0", helloJar.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("\tat ");
    }

    private static void assertOneLineUsageError(CliResult r, String expected) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        List<String> lines = new ArrayList<>(r.errLines());
        assertThat(lines).as(r.toString()).hasSize(1);
        assertThat(lines.get(0)).contains(expected);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).as("nothing on stdout: the program did not start").isEmpty();
    }
}
