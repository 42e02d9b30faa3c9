package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.REMOTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bad-input cases of point 8 for the scripts: a second standalone cluster on a host, a TaskManager with another
 * cluster's secret, a lock file that is not the user's; {@code yarn-session.sh -id … stop} of an application that is
 * no session, and a YARN properties file naming a session that has ended. Cases that need a JobManager or a YARN
 * application of their own start and stop it themselves ({@link CaseCluster}, {@link OwnYarnApplication}).
 * Stateless.
 */
final class ScriptCases {
    private static final String JOB_MANAGER_RUNS = "A jobmanager is already running on host";

    private ScriptCases() {
    }

    static Stream<BadInput> cases() {
        return Stream.of(
                BadInput.on(LOCAL, "8", "start-cluster.sh while this host's cluster runs")
                        .given(CaseCluster::prepare)
                        .given(c -> c.write("jobmanager.pid", Long.toString(CaseCluster.startJobManager(c))))
                        .run(c -> List.of("start-cluster.sh"))
                        .exits(2).says(JOB_MANAGER_RUNS, "(pid ", "stop-cluster.sh")
                        .cleanup(ScriptCases::onlyTheFirstJobManagerRuns)
                        .cleanup(CaseCluster::stop),
                BadInput.on(LOCAL, "8", "jobmanager.sh start for a second JobManager on this host")
                        .given(CaseCluster::prepare)
                        .given(c -> c.write("jobmanager.pid", Long.toString(CaseCluster.startJobManager(c))))
                        .run(c -> List.of("jobmanager.sh", "start"))
                        .exits(2).says(JOB_MANAGER_RUNS, "jobmanager.sh stop", "WEFT_PID_DIR")
                        .cleanup(ScriptCases::onlyTheFirstJobManagerRuns)
                        .cleanup(CaseCluster::stop),
                BadInput.on(REMOTE, "8", "taskmanager.sh start with another cluster's secret")
                        .given(CaseCluster::ownPidDir)
                        .given(c -> c.env("WEFT_CLUSTER_SECRET", AuthCases.randomSecret()))
                        .run(c -> List.of("taskmanager.sh", "start"))
                        .exits(2).says("Could not start taskmanager", "The JobManager at 127.0.0.1:",
                                "rejected the cluster secret of TaskManager", "security.cluster-secret.file",
                                "WEFT_CLUSTER_SECRET")
                        .cleanup(c -> assertThat(CaseCluster.pids(c, "taskmanager"))
                                .as("pids left in the taskmanager pid file").isEmpty())
                        .cleanup(CaseCluster::stop),
                BadInput.on(LOCAL, "8", "taskmanager.sh start with a lock file that is not the user's")
                        .given(CaseCluster::ownPidDir)
                        .given(c -> Files.createDirectories(c.dir().resolve("pids")))
                        .given(c -> Files.createSymbolicLink(c.dir().resolve("pids/weft-"
                                + StandaloneClusterScriptsIT.userName()
                                + "-taskmanager.lock"), c.dir().resolve("elsewhere")))
                        .run(c -> List.of("taskmanager.sh", "start"))
                        .exits(2).says("taskmanager.lock is not a file of user", "WEFT_PID_DIR")
                        .leavesNo("elsewhere")
                        .cleanup(c -> assertThat(CaseCluster.pids(c, "taskmanager"))
                                .as("pids in the taskmanager pid file").isEmpty())
                        .cleanup(CaseCluster::stop));
    }

    /** The JobManager the case started is the only process of its pid files: the command started nothing. */
    private static void onlyTheFirstJobManagerRuns(BadInputContext c) throws Exception {
        long first = Long.parseLong(Files.readString(c.dir().resolve("jobmanager.pid")).strip());
        assertThat(CaseCluster.pids(c, "jobmanager")).as("the jobmanager pid file").containsExactly(first);
        assertThat(CaseCluster.pids(c, "taskmanager")).as("the taskmanager pid file").isEmpty();
    }
}
