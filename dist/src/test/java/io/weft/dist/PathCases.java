package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.YARN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

/** Bad-input cases of point 6: inputs that are no files, empty inputs, names, encodings, file systems. Stateless. */
final class PathCases {
    private PathCases() {
    }

    static Stream<BadInput> cases() {
        return Stream.of(
                BadInput.on(LOCAL, "6", "a named pipe as input")
                        .given(c -> c.shell("mkfifo pipe"))
                        .run(c -> List.of("weft", "run", c.examplesJar(), "--input", c.path("pipe"), "--output",
                                c.path("out")))
                        .exits(2).says("pipe", "is a named pipe, not a regular file").leavesNo("out"),
                BadInput.on(LOCAL, "6", "an input directory without files")
                        .given(c -> Files.createDirectories(c.dir().resolve("in/sub")))
                        .given(c -> c.write("in/_SUCCESS", ""))
                        .run(c -> List.of("weft", "run", c.examplesJar(), "--input", c.path("in"), "--output",
                                c.path("out")))
                        .exits(2).says("input directory", "/in holds no files to read").leavesNo("out"),
                BadInput.on(LOCAL, "6", "an output name longer than a file system allows")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .run(c -> List.of("weft", "run", c.examplesJar(), "--input", c.path("in.txt"), "--output",
                                c.path("out/" + "o".repeat(300))))
                        .exits(2).says("has a name of 300 bytes", "choose a shorter name").leavesNo("out"),
                BadInput.on(LOCAL, "6", "hdfs:// without HADOOP_CONF_DIR")
                        .given(c -> c.write("in.txt", "to be\n"))
                        .run(c -> List.of("weft", "run", c.examplesJar(), "--input", c.path("in.txt"), "--output",
                                "hdfs:///out"))
                        .exits(2).says("hdfs:///out", "HADOOP_CONF_DIR is not set"),
                BadInput.on(LOCAL, "6", "a UTF-8 path in the C locale (as under cron)")
                        .given(c -> c.write("données.txt", "être ou ne pas être\n"))
                        .given(c -> c.env("LC_ALL", "C").env("LANG", "C"))
                        .run(c -> List.of("weft", "run", c.examplesJar(), "--input", c.path("données.txt"),
                                "--output", c.path("sortie-é")))
                        .exits(0)
                        .then((c, run) -> assertThat(Files.readString(c.dir().resolve("sortie-é/part-0")))
                                .contains("être\t2")),
                BadInput.on(LOCAL, "6", "a path with bytes that are not UTF-8")
                        .given(c -> c.shell("printf 'to be\\n' > $'lat\\xe9.txt'"))
                        .run(c -> List.of("/bin/bash", "-c",
                                "exec \"$0\" run \"$1\" --input $'lat\\xe9.txt' --output out",
                                c.dist().resolve("bin/weft").toString(), c.examplesJar()))
                        .exits(2).says("argument 4", "holds bytes that are not valid utf-8", "rename")
                        .leavesNo("out"),
                BadInput.on(YARN, "6", "an input that does not exist, per job on YARN")
                        .run(c -> List.of("weft", "run", "-t", "yarn-per-job", c.examplesJar(), "--input",
                                c.hdfsPath("nope"), "--output", c.hdfsPath("out")))
                        .exits(2).says("/nope does not exist")
                        .then((c, run) -> assertThat(run.out()).doesNotContain("Application ")),
                BadInput.on(YARN, "6", "a UTF-8 path in the C locale, per job on YARN")
                        .given(c -> c.write("données.txt", "être ou ne pas être\n"))
                        .given(c -> c.putIntoHdfs("données.txt"))
                        .given(c -> c.env("LC_ALL", "C").env("LANG", "C"))
                        .run(c -> List.of("weft", "run", "-t", "yarn-per-job", c.examplesJar(), "--input",
                                c.hdfsPath("données.txt"), "--output", c.hdfsPath("sortie-é")))
                        .exits(0)
                        .then((c, run) -> assertThat(c.script("hdfs", "dfs", "-cat",
                                c.hdfsPath("sortie-é/part-*")).out()).contains("être\t2")));
    }
}
