package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.REMOTE;
import static io.weft.dist.BadInput.Target.YARN;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

/** Bad-input cases of point 1: job jars, their size and their upload. Stateless. */
final class UploadCases {
    private UploadCases() {
    }

    static Stream<BadInput> cases() {
        return Stream.of(
                BadInput.on(LOCAL, "1", "a job jar that does not exist")
                        .run(c -> List.of("weft", "run", c.path("missing.jar")))
                        .exits(2).says("missing.jar", "does not exist"),
                BadInput.on(REMOTE, "1", "a job jar that is not a jar")
                        .given(c -> c.write("not-a.jar", "plain text\n"))
                        .run(c -> List.of("weft", "run", "-m", c.rest(), c.path("not-a.jar")))
                        .exits(2).says("not-a.jar", "is not a jar file"),
                BadInput.on(REMOTE, "1", "a job jar above the cluster's upload limit")
                        .given(c -> FatJarIT.fatJar(c.dist().resolve("examples/weft-examples.jar"),
                                c.dir().resolve("fat.jar"), (BadInputFixtures.UPLOAD_LIMIT_MB + 4L) << 20))
                        .given(c -> c.write("in.txt", "to be\n"))
                        .run(c -> List.of("weft", "run", "-m", c.rest(), c.path("fat.jar"), "--input",
                                c.path("in.txt"), "--output", c.path("out")))
                        .exits(2).says("rest.server.max-content-length").leavesNo("out")
                        .then((c, run) -> assertThat(c.script("weft", "list", "-m", c.rest()).exitCode())
                                .as("the cluster after the refused upload").isZero()),
                BadInput.on(YARN, "1", "a per-job application whose jar does not exist")
                        .run(c -> List.of("weft", "run", "-t", "yarn-per-job", c.path("missing.jar")))
                        .exits(2).says("missing.jar", "does not exist"));
    }
}
