package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue over the real scripts of the laid-out distribution: every case runs its command as a user
 * would, in a directory of its own, and must end with its exit code and ONE non-blank stderr line containing its
 * words (optionally followed by a usage block, or preceded by the client's WARN lines when the case allows them) —
 * or, for a case that must succeed (exit code 0), nothing on stderr —
 * no stack trace, none of the paths it names left on disk, and no process left running in its directory.
 *
 * <p>The cases live in one class per area, each with a {@code static Stream<BadInput> cases()} listed in
 * {@link #CATALOGUE}; add a case there when a feature adds a way to get something wrong. System properties
 * {@code weft.badinput.only} (an area class's simple name) and {@code weft.badinput.point} narrow a run. Local cases
 * run first, then the shared standalone cluster's, then the sandbox's.
 */
@ExtendWith(SandboxExtension.class)
class BadInputIT {
    private static final Map<String, Supplier<Stream<BadInput>>> CATALOGUE = Map.of(
            "UploadCases", UploadCases::cases,
            "RuntimeCases", RuntimeCases::cases,
            "AuthCases", AuthCases::cases,
            "ExitCodeCases", ExitCodeCases::cases,
            "ConfigCases", ConfigCases::cases,
            "PathCases", PathCases::cases,
            "ScriptCases", ScriptCases::cases);
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)^\\s+at [\\w$.]+\\(|^Caused by: |^Exception in thread |^\\s+\\.\\.\\. \\d+ more$");
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

    @TempDir
    static Path suiteDir;
    private static BadInputFixtures fixtures;

    @BeforeAll
    static void shareTargets(SandboxExtension.Sandbox sandbox) {
        fixtures = new BadInputFixtures(suiteDir, sandbox);
    }

    @AfterAll
    static void stopTargets() throws Exception {
        if (fixtures != null) {
            fixtures.close();
        }
    }

    static Stream<BadInput> catalogue() {
        String only = System.getProperty("weft.badinput.only", "");
        String point = System.getProperty("weft.badinput.point", "");
        List<BadInput> cases = new ArrayList<>();
        CATALOGUE.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(area -> only.isEmpty() || area.getKey().equals(only))
                .forEach(area -> area.getValue().get().forEach(cases::add));
        return cases.stream().filter(c -> point.isEmpty() || c.point().equals(point))
                .sorted(Comparator.comparing(BadInput::target));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("catalogue")
    @Timeout(value = 6, unit = TimeUnit.MINUTES) // the first case of a target also starts the target
    void badInput(BadInput badInput) throws Exception {
        Path dir = Files.createTempDirectory(suiteDir, "case-");
        Path dist = Path.of(System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY));
        BadInputContext context = new BadInputContext(badInput.target(), dir, dist, fixtures);
        for (BadInput.Given step : badInput.givens()) {
            step.apply(context);
        }
        List<String> command = badInput.command().of(context);
        assertThat(command).as("command of %s", badInput).isNotEmpty();
        DistScripts.Background started = new DistScripts(dir, context.env())
                .start(command.get(0), command.subList(1, command.size()).toArray(String[]::new));
        DistScripts.Run run;
        try {
            run = started.await(badInput.timeout());
        } finally {
            try {
                runCleanups(badInput, context);
            } finally {
                checkNothingLeftRunning(badInput, dir);
            }
        }
        String described = badInput + "\n" + String.join(" ", command) + "\n" + run + targetLogs(badInput);

        assertThat(run.exitCode()).as("exit code of %s", described).isEqualTo(badInput.exitCode());
        assertThat(STACK_TRACE.matcher(run.err()).find()).as("a stack trace on stderr of %s", described).isFalse();
        assertThat(STACK_TRACE.matcher(run.out()).find()).as("a stack trace on stdout of %s", described).isFalse();
        checkTheOneLine(badInput, run, described);
        for (Path path : badInput.absentPaths(dir)) {
            assertThat(path).as("left behind by %s", described).doesNotExist();
        }
        for (BadInput.Then then : badInput.thens()) {
            then.check(context, run);
        }
    }

    private static void checkTheOneLine(BadInput badInput, DistScripts.Run run, String described) {
        if (badInput.reportsJobFailure()) {
            assertThat(run.err().lines().filter(l -> !l.isBlank() && !l.startsWith("WARN ")))
                    .as("stderr of the failed job of %s", described).isEmpty();
            List<String> causes = run.out().lines().filter(l -> l.startsWith("Cause: ")).toList();
            assertThat(causes).as("the Cause line of %s", described).hasSize(1);
            for (String word : badInput.words()) {
                assertThat(causes.get(0).toLowerCase(Locale.ROOT)).as("the Cause line of %s", described)
                        .contains(word.toLowerCase(Locale.ROOT));
            }
            return;
        }
        List<String> lines = run.err().lines().filter(line -> !line.isBlank()).toList();
        if (badInput.exitCode() == 0) {
            assertThat(lines).as("stderr of %s, which must succeed", described)
                    .allMatch(line -> badInput.warningsAllowed() && line.startsWith("WARN "));
            return;
        }
        int first = 0;
        if (badInput.warningsAllowed()) {
            while (first < lines.size() && lines.get(first).startsWith("WARN ")) {
                first++;
            }
        }
        assertThat(lines.size()).as("stderr lines of %s", described).isGreaterThan(first);
        String line = lines.get(first).toLowerCase(Locale.ROOT);
        for (String word : badInput.words()) {
            assertThat(line).as("the error line of %s", described).contains(word.toLowerCase(Locale.ROOT));
        }
        List<String> rest = lines.subList(first + 1, lines.size());
        if (badInput.usageFollows()) {
            assertThat(rest).as("the usage after the error line of %s", described).isNotEmpty();
            assertThat(rest.get(0)).as("the usage after the error line of %s", described).startsWith("Usage:");
        } else {
            assertThat(rest).as("stderr lines after the error line of %s", described).isEmpty();
        }
    }

    /** Runs every cleanup step of the case, then rethrows the first failure. */
    private static void runCleanups(BadInput badInput, BadInputContext context) throws Exception {
        Throwable first = null;
        for (BadInput.Cleanup step : badInput.cleanups()) {
            try {
                step.run(context);
            } catch (Exception | AssertionError e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof Exception e) {
            throw e;
        }
        if (first instanceof AssertionError e) {
            throw e;
        }
    }

    /** Fails (after killing them by pid) when processes still run in the case's directory after a grace period. */
    private static void checkNothingLeftRunning(BadInput badInput, Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + LEFTOVER_GRACE.toNanos();
        List<ProcessHandle> left = runningIn(dir);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = runningIn(dir);
        }
        if (!left.isEmpty()) {
            List<String> described = left.stream()
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
            left.forEach(ProcessHandle::destroyForcibly);
            fail("%s left processes running in %s: %s", badInput, dir, described);
        }
    }

    private static List<ProcessHandle> runningIn(Path dir) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != self && p.isAlive())
                .filter(p -> workingDirectory(p.pid()).map(cwd -> cwd.startsWith(dir)).orElse(false)).toList();
    }

    private static java.util.Optional<Path> workingDirectory(long pid) {
        try {
            return java.util.Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }

    private static String targetLogs(BadInput badInput) {
        return switch (badInput.target()) {
            case REMOTE -> fixtures.cluster().logs();
            case YARN -> fixtures.sandbox().log();
            case LOCAL -> "";
        };
    }
}
