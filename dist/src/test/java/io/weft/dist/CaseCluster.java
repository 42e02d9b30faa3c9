package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A standalone cluster of a bad-input case's own, apart from the suite's shared one: pid files, logs and the
 * cluster secret in the case's directory ({@code WEFT_PID_DIR} and {@code WEFT_LOG_DIR} there), free loopback
 * ports, small JVMs. The case starts what it needs with {@link #startJobManager} and stops it by pid with
 * {@link #stop} in a cleanup step. Stateless: everything lives in the case's context and directory.
 */
final class CaseCluster {
    private CaseCluster() {
    }

    /** Points the case's configuration and variables at a cluster of its own (a given step). */
    static void prepare(BadInputContext c) throws IOException {
        c.conf(SharedStandaloneCluster.loopbackConf(SharedStandaloneCluster.freePort(),
                SharedStandaloneCluster.freePort(), 1));
        ownPidDir(c);
    }

    /** Gives the case's processes a pid directory and small JVMs of their own, for a cluster configured elsewhere. */
    static void ownPidDir(BadInputContext c) {
        c.env("WEFT_PID_DIR", pidDir(c).toString())
                .env("WEFT_START_TIMEOUT", "60")
                .env("WEFT_JM_JVM_ARGS", "-Xmx192m")
                .env("WEFT_TM_JVM_ARGS", "-Xmx192m");
    }

    /** Starts the case's JobManager and returns its pid. */
    static long startJobManager(BadInputContext c) throws IOException {
        DistScripts.Run start = c.script("jobmanager.sh", "start");
        assertThat(start.exitCode()).as("jobmanager.sh start of the case: %s%s", start,
                SharedStandaloneCluster.logTails(c.dir().resolve("log"))).isZero();
        List<Long> pids = pids(c, "jobmanager");
        assertThat(pids).as("the case's JobManager pid file").hasSize(1);
        return pids.get(0);
    }

    /** The pids of the case's pid file of {@code daemon} ("jobmanager" or "taskmanager"). */
    static List<Long> pids(BadInputContext c, String daemon) throws IOException {
        return SharedStandaloneCluster.pids(pidDir(c), "-" + daemon + ".pid");
    }

    /** Stops the case's cluster with stop-cluster.sh, then kills by pid whatever of its pid files still runs. */
    static void stop(BadInputContext c) throws IOException {
        try {
            c.script("stop-cluster.sh");
        } finally {
            SharedStandaloneCluster.killLeftovers(pidDir(c));
        }
    }

    private static Path pidDir(BadInputContext c) {
        return c.dir().resolve("pids");
    }
}
