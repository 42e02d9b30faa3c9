package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.REMOTE;
import static io.weft.dist.BadInput.Target.YARN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Bad-input cases of points 2 and 3: parallelism, slots, waiting and memory. Stateless. */
final class RuntimeCases {
    private RuntimeCases() {
    }

    static Stream<BadInput> cases() {
        return Stream.of(
                BadInput.on(LOCAL, "2", "parallelism zero")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .run(c -> List.of("weft", "run", "-p", "0", c.examplesJar(), "--input", c.path("in.txt"),
                                "--output", c.path("out")))
                        .exits(2).says("parallelism", "at least 1", "-p").leavesNo("out"),
                BadInput.on(LOCAL, "2", "parallelism not a number")
                        .run(c -> List.of("weft", "run", "-p", "abc", c.examplesJar()))
                        .exits(2).says("--parallelism", "'abc'", "weft run --help"),
                BadInput.on(LOCAL, "3", "a local job too big for the client's heap")
                        .given(c -> OutOfMemoryIT.manyDistinctWords(c.dir().resolve("words.txt")))
                        .given(c -> c.env("JVM_ARGS", "-Xmx48m -XX:+UseSerialGC"))
                        .run(c -> List.of("weft", "run", c.examplesJar(), "--input", c.path("words.txt"),
                                "--output", c.path("out")))
                        .exits(52).says("Weft CLI ran out of heap memory (OutOfMemoryError: Java heap space)",
                                "exiting with code 52", "-Xmx in JVM_ARGS")
                        .allowsWarnings(),
                BadInput.on(LOCAL, "2", "runaway parallelism")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .run(c -> List.of("weft", "run", "-p", "100000", c.examplesJar(), "--input",
                                c.path("in.txt"), "--output", c.path("out")))
                        .exits(2).says("100000", "largest max parallelism", "32768").leavesNo("out")
                        .timeout(Duration.ofSeconds(30)),
                BadInput.on(REMOTE, "2", "more slots than the standalone cluster has")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .run(c -> List.of("weft", "run", "-m", c.rest(), "-p", "5", c.examplesJar(), "--input",
                                c.path("in.txt"), "--output", c.path("out")))
                        .jobFails().exits(1).says("needs 5 slots", "2 in all")
                        .timeout(Duration.ofSeconds(60)),
                BadInput.on(YARN, "2", "more slots than YARN gives within the slot request timeout")
                        .run(c -> List.of("weft", "run", "-t", "yarn-per-job", "-p", "12", "-D",
                                "taskmanager.numberOfTaskSlots=1", "-D", "taskmanager.memory.process.size=1g", "-D",
                                "slot.request.timeout=20s", c.examplesJar(), "--input", c.hdfsPath("words.txt"),
                                "--output", c.hdfsPath("out")))
                        .given(c -> c.write("words.txt", "to be or not to be\n"))
                        .given(c -> c.putIntoHdfs("words.txt"))
                        .jobFails().exits(1).says("could not get 12 slots within 20 s")
                        .then((c, run) -> assertThat(run.out()).as("what the attached client waits for")
                                .containsPattern("(?m)^Waiting for 12 slots \\(\\d+ free, \\d+ in all; YARN"
                                        + " TaskManager containers of \\d+ MB with 1 slot each: "))
                        .timeout(Duration.ofSeconds(150)));
    }
}
