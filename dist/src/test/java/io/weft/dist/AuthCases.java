package io.weft.dist;

import static io.weft.dist.BadInput.Target.REMOTE;

import java.util.List;
import java.util.stream.Stream;

/** Bad-input cases of point 4: authenticated REST. Stateless. */
final class AuthCases {
    private AuthCases() {
    }

    static Stream<BadInput> cases() {
        return Stream.of(
                BadInput.on(REMOTE, "4", "cancel without a job id")
                        .run(c -> List.of("weft", "cancel", "-m", c.rest()))
                        .exits(2).says("JOB_ID", "weft cancel --help"));
    }
}
