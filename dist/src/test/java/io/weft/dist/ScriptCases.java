package io.weft.dist;

import static io.weft.dist.BadInput.Target.LOCAL;
import static io.weft.dist.BadInput.Target.REMOTE;
import static io.weft.dist.BadInput.Target.YARN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
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
    private static final String PROPERTIES_FILE = "props/.yarn-properties-" + System.getProperty("user.name");

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
                        .cleanup(CaseCluster::stop),
                stopOfNoSession("a per-job application", "Weft", Set.of("weft-mode:per-job"))
                        .says("is a Weft per-job application, not a Weft session", "nothing was stopped",
                                "yarn application -list -appTags weft-mode:session"),
                stopOfNoSession("a non-Weft application", "MAPREDUCE", Set.of())
                        .says("is a YARN application of type 'MAPREDUCE'", "not a Weft session",
                                "nothing was stopped"),
                BadInput.on(YARN, "8", "-t yarn-session with a properties file naming an ended session")
                        .given(OwnYarnApplication::submitKilled)
                        .given(ScriptCases::ownPropertiesFile)
                        .given(c -> c.write(PROPERTIES_FILE, "applicationID=" + OwnYarnApplication.id(c) + "\n"))
                        .run(c -> List.of("weft", "list", "-t", "yarn-session"))
                        .exits(2).says("names has ended (KILLED)", "removed the file", "start a session with"
                                + " yarn-session.sh")
                        .leavesNo(PROPERTIES_FILE),
                BadInput.on(YARN, "8", "-id of an ended session while the properties file names another")
                        .given(OwnYarnApplication::submitKilled)
                        .given(ScriptCases::ownPropertiesFile)
                        .given(c -> c.write(PROPERTIES_FILE, "applicationID=application_1_0001\n"))
                        .run(c -> List.of("weft", "list", "-t", "yarn-session", "-id", OwnYarnApplication.id(c)))
                        .exits(3).says("is KILLED, not running with a REST endpoint", "yarn-session.sh")
                        .then((c, run) -> assertThat(c.dir().resolve(PROPERTIES_FILE)).as("the properties file")
                                .content().contains("applicationID=application_1_0001")));
    }

    /**
     * {@code yarn-session.sh -id … stop} of a running application of the case's own, of {@code type} with
     * {@code tags}, that is no Weft session: refused with exit code 2, and the application still runs.
     */
    private static BadInput stopOfNoSession(String what, String type, Set<String> tags) {
        return BadInput.on(YARN, "8", "yarn-session.sh -id of " + what + " stop")
                .given(c -> OwnYarnApplication.submit(c, type, tags))
                .run(c -> List.of("yarn-session.sh", "-id", OwnYarnApplication.id(c), "stop"))
                .exits(2)
                .cleanup(OwnYarnApplication::assertNotEnded)
                .cleanup(OwnYarnApplication::kill);
    }

    /** The case's YARN properties file is its own, under props/ (never the shared session's). */
    private static void ownPropertiesFile(BadInputContext c) throws Exception {
        c.dropConf("yarn.properties-file.location").conf("yarn.properties-file.location: " + c.path("props"));
    }

    /** The JobManager the case started is the only process of its pid files: the command started nothing. */
    private static void onlyTheFirstJobManagerRuns(BadInputContext c) throws Exception {
        long first = Long.parseLong(Files.readString(c.dir().resolve("jobmanager.pid")).strip());
        assertThat(CaseCluster.pids(c, "jobmanager")).as("the jobmanager pid file").containsExactly(first);
        assertThat(CaseCluster.pids(c, "taskmanager")).as("the taskmanager pid file").isEmpty();
    }
}
