package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;

import java.util.List;
import java.util.stream.Stream;

/** Bad-input cases of point 8: configuration values, WEFT_CONF_DIR, the scripts and the -m address. Stateless. */
final class ConfigCases {
    private ConfigCases() {
    }

    static Stream<BadInput> cases() {
        return Stream.of(
                BadInput.on(LOCAL, "8", "-t yarn-session without HADOOP_CONF_DIR")
                        .run(c -> List.of("weft", "cancel", "0123456789abcdef0123456789abcdef", "-t",
                                "yarn-session"))
                        .exits(2).says("HADOOP_CONF_DIR", "YARN_CONF_DIR"),
                BadInput.on(LOCAL, "8", "taskmanager.sh with an unknown verb")
                        .run(c -> List.of("taskmanager.sh", "restart"))
                        .exits(2).says("Usage: taskmanager.sh start|stop|stop-all"));
    }
}
