package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.REMOTE;
import static io.weft.dist.BadInput.Target.YARN;

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
                BadInput.on(YARN, "1", "a per-job application whose jar does not exist")
                        .run(c -> List.of("weft", "run", "-t", "yarn-per-job", c.path("missing.jar")))
                        .exits(2).says("missing.jar", "does not exist"));
    }
}
