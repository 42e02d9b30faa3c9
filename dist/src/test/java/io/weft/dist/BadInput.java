package io.weft.dist;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One case of the bad-input catalogue: a command a user runs against a target, and what it must do — its exit
 * code, the words of the one line it prints on stderr, what it must not leave on disk. Built fluently by the
 * area classes ({@code UploadCases}, {@code ExitCodeCases}, …) and run by {@link BadInputIT}; confined to the
 * thread that builds and then runs it.
 */
final class BadInput {
    /** Where the command runs its job. */
    enum Target {
        /** Embedded in the client's JVM; no cluster. */
        LOCAL,
        /** The standalone cluster the suite shares (one TaskManager, two slots). */
        REMOTE,
        /** The sandbox's YARN and HDFS, with a shared detached session for {@code -t yarn-session}. */
        YARN
    }

    /** A step that prepares the case's directory, configuration or environment. */
    @FunctionalInterface
    interface Given {
        void apply(BadInputContext context) throws Exception;
    }

    /** The command line; its first element names a script of the distribution's {@code bin/}. */
    @FunctionalInterface
    interface Command {
        List<String> of(BadInputContext context) throws Exception;
    }

    /**
     * A step that runs once the command has ended (or overrun), before the check that nothing is left running in the
     * case's directory: it checks and stops what the case's own steps started, by pid.
     */
    @FunctionalInterface
    interface Cleanup {
        void run(BadInputContext context) throws Exception;
    }

    /** Further assertions on the finished run. */
    @FunctionalInterface
    interface Then {
        void check(BadInputContext context, DistScripts.Run run) throws Exception;
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final Target target;
    private final String point;
    private final String name;
    private final List<Given> givens = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private final List<String> absentPaths = new ArrayList<>();
    private final List<Then> thens = new ArrayList<>();
    private final List<Cleanup> cleanups = new ArrayList<>();
    private Command command;
    private int exitCode = -1;
    private boolean usageFollows;
    private boolean warningsAllowed;
    private boolean jobFails;
    private Duration timeout = DEFAULT_TIMEOUT;

    private BadInput(Target target, String point, String name) {
        this.target = Objects.requireNonNull(target);
        this.point = Objects.requireNonNull(point);
        this.name = Objects.requireNonNull(name);
    }

    /**
     * Starts a case.
     *
     * @param point the numbered point the case belongs to ("1" … "8")
     * @param name what the user does wrong, in a few words
     */
    static BadInput on(Target target, String point, String name) {
        return new BadInput(target, point, name);
    }

    BadInput given(Given step) {
        givens.add(step);
        return this;
    }

    BadInput run(Command command) {
        this.command = command;
        return this;
    }

    BadInput exits(int code) {
        this.exitCode = code;
        return this;
    }

    /** Words (case-insensitive) the one non-blank stderr line must contain. */
    BadInput says(String... expected) {
        words.addAll(List.of(expected));
        return this;
    }

    /** The error line may be followed by a usage block that starts with a line "Usage: …". */
    BadInput withUsage() {
        usageFollows = true;
        return this;
    }

    /**
     * The job is submitted and fails (exit code 1): attached runs report that on stdout, so the words are looked
     * for in its "Cause: …" line there, and stderr must hold nothing but warnings.
     */
    BadInput jobFails() {
        jobFails = true;
        return this;
    }

    boolean reportsJobFailure() {
        return jobFails;
    }

    /** Lines "WARN …" of the client's console log may come before the error line. */
    BadInput allowsWarnings() {
        warningsAllowed = true;
        return this;
    }

    /** A path, relative to the case's directory, that must not exist after the run. */
    BadInput leavesNo(String relativePath) {
        absentPaths.add(relativePath);
        return this;
    }

    BadInput then(Then check) {
        thens.add(check);
        return this;
    }

    /** Adds a step run after the command, before the leftover check; every step runs, the first failure counts. */
    BadInput cleanup(Cleanup step) {
        cleanups.add(step);
        return this;
    }

    List<Cleanup> cleanups() {
        return cleanups;
    }

    BadInput timeout(Duration bound) {
        this.timeout = bound;
        return this;
    }

    Target target() {
        return target;
    }

    String point() {
        return point;
    }

    String name() {
        return name;
    }

    List<Given> givens() {
        return givens;
    }

    Command command() {
        if (command == null) {
            throw new IllegalStateException("Case '" + this + "' has no command: add .run(c -> List.of(...))");
        }
        return command;
    }

    int exitCode() {
        if (exitCode < 0) {
            throw new IllegalStateException("Case '" + this + "' has no expected exit code: add .exits(n)");
        }
        return exitCode;
    }

    List<String> words() {
        return words;
    }

    boolean usageFollows() {
        return usageFollows;
    }

    boolean warningsAllowed() {
        return warningsAllowed;
    }

    List<Path> absentPaths(Path dir) {
        return absentPaths.stream().map(dir::resolve).toList();
    }

    List<Then> thens() {
        return thens;
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "point " + point + ", " + target.name().toLowerCase(java.util.Locale.ROOT) + ": " + name;
    }
}
