package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.REMOTE;
import static io.weft.dist.BadInput.Target.YARN;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.dist.jobs.SystemExitMain;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * Bad-input cases of points 5, 6 and 7: the exit-code rule (a program's {@code System.exit} among it), inputs and
 * paths, leftovers. Stateless.
 */
final class ExitCodeCases {
    private ExitCodeCases() {
    }

    static Stream<BadInput> cases() {
        return Stream.of(
                BadInput.on(LOCAL, "5", "an unknown command")
                        .run(c -> List.of("weft", "bogus"))
                        .exits(2).says("unknown command 'bogus'").withUsage(),
                BadInput.on(LOCAL, "6", "an input that does not exist")
                        .run(c -> List.of("weft", "run", c.examplesJar(), "--input", c.path("nope"), "--output",
                                c.path("out")))
                        .exits(2).says("nope", "does not exist").leavesNo("out"),
                BadInput.on(REMOTE, "5", "a cluster that does not run")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .run(c -> List.of("weft", "run", "-m", "127.0.0.1:1", c.examplesJar(), "--input",
                                c.path("in.txt"), "--output", c.path("out")))
                        .exits(3).says("cannot reach the jobmanager", "127.0.0.1:1").leavesNo("out"),
                BadInput.on(LOCAL, "7", "an output directory holding a dead run's in-progress file")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .given(c -> c.write("out/.part-0-0.inprogress", "partial\n"))
                        .run(c -> List.of("weft", "run", c.examplesJar(), "--input", c.path("in.txt"), "--output",
                                c.path("out")))
                        .exits(2).says(".part-0-0.inprogress", "earlier run that did not end")
                        .leavesNo("out/part-0"),
                wordCountWithoutOutput(LOCAL, List.of()),
                wordCountWithoutOutput(REMOTE, List.of("-m", "@rest")),
                wordCountWithoutOutput(YARN, List.of("-t", "yarn-per-job")),
                BadInput.on(REMOTE, "5", "an input that does not exist, on a standalone cluster")
                        .run(c -> List.of("weft", "run", "-m", c.rest(), c.examplesJar(), "--input", c.path("nope"),
                                "--output", c.path("out")))
                        .exits(2).says("nope", "does not exist").leavesNo("out"),
                BadInput.on(LOCAL, "5", "zero task slots")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .run(c -> List.of("weft", "run", "-D", "taskmanager.numberOfTaskSlots=0", c.examplesJar(),
                                "--input", c.path("in.txt"), "--output", c.path("out")))
                        .exits(2).says("taskmanager.numberOfTaskSlots", "at least 1").leavesNo("out"),
                systemExit(LOCAL, List.of(), "3").exits(1)
                        .says("The program failed: its main() called System.exit(3) instead of returning"),
                systemExit(REMOTE, List.of("-m", "@rest"), "3").exits(1)
                        .says("The program failed: its main() called System.exit(3) instead of returning")
                        .then(ExitCodeCases::clusterStillServes),
                systemExit(YARN, List.of("-t", "yarn-per-job"), "3").exits(1)
                        .says("The program failed: its main() called System.exit(3) instead of returning"),
                systemExit(YARN, List.of("-t", "yarn-session"), "3").given(BadInputContext::session).exits(1)
                        .says("The program failed: its main() called System.exit(3) instead of returning")
                        .then(ExitCodeCases::sessionStillServes),
                systemExit(LOCAL, List.of(), "0").exits(2).says("System.exit(0) before execute()", "defines no job"),
                systemExit(REMOTE, List.of("-m", "@rest"), "0").exits(2)
                        .says("System.exit(0) before execute()", "defines no job"));
    }

    /** The shared YARN session survived the program's exit: it still runs, and lists its jobs. */
    private static void sessionStillServes(BadInputContext c, DistScripts.Run run) throws Exception {
        assertThat(c.sessionReport().getYarnApplicationState()).as("the session after the exit")
                .isEqualTo(YarnApplicationState.RUNNING);
        DistScripts.Run list = c.script("weft", "list", "-t", "yarn-session", "-id", c.session());
        assertThat(list.exitCode()).as("weft list in the session after the exit: %s", list).isZero();
    }

    /** {@code SystemExitMain before CODE}: a main() that ends itself before it defines a job. */
    private static BadInput systemExit(BadInput.Target target, List<String> targetArgs, String code) {
        return BadInput.on(target, "5", "a main() that calls System.exit(" + code + ") before execute()")
                .run(c -> {
                    List<String> command = new ArrayList<>(List.of("weft", "run"));
                    targetArgs.forEach(a -> command.add(a.equals("@rest") ? c.rest() : a));
                    command.addAll(List.of("-c", SystemExitMain.class.getName(), c.jobsJar(), "before", code));
                    return command;
                });
    }

    /**
     * The shared cluster survived the program's exit: it lists its jobs, and runs a program that calls
     * {@code System.exit(0)} after {@code execute()} — which it never reaches there, as the JobManager runs
     * {@code main()} only up to its job — to FINISHED with exit code 0.
     */
    private static void clusterStillServes(BadInputContext c, DistScripts.Run run) {
        DistScripts.Run list = c.script("weft", "list", "-m", c.rest());
        assertThat(list.exitCode()).as("weft list after the exit: %s", list).isZero();
        DistScripts.Run next = c.script("weft", "run", "-m", c.rest(), "-c", SystemExitMain.class.getName(),
                c.jobsJar(), "after", "0");
        assertThat(next.exitCode()).as("a job after the exit: %s", next).isZero();
        assertThat(next.out()).containsPattern("Job [0-9a-f]{32} FINISHED");
    }

    /** WordCount without {@code --output}: its own line, then its usage, exit 2, wherever it runs. */
    private static BadInput wordCountWithoutOutput(BadInput.Target target, List<String> targetArgs) {
        return BadInput.on(target, "5", "WordCount without --output")
                .given(c -> c.write("in.txt", "to be\n"))
                .run(c -> {
                    List<String> command = new ArrayList<>(List.of("weft", "run"));
                    targetArgs.forEach(a -> command.add(a.equals("@rest") ? c.rest() : a));
                    command.addAll(List.of(c.examplesJar(), "--input", c.path("in.txt")));
                    return command;
                })
                .exits(2).says("Missing argument --output").withUsage().allowsWarnings();
    }
}
