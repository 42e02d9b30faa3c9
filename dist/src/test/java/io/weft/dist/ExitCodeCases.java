package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.REMOTE;
import static io.weft.dist.BadInput.Target.YARN;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Bad-input cases of points 5, 6 and 7: the exit-code rule, inputs and paths, leftovers. Stateless. */
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
                        .exits(2).says("taskmanager.numberOfTaskSlots", "at least 1").leavesNo("out"));
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
