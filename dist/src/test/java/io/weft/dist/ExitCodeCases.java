package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.REMOTE;

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
                        .exits(3).says("cannot reach the jobmanager", "127.0.0.1:1").leavesNo("out"));
    }
}
