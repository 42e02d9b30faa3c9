package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.client.cluster.JobJars;
import io.weft.dist.jobs.SystemExitMain;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * The targets the bad-input cases share: the sandbox, a standalone cluster and a detached YARN session, each
 * started when a case first needs it and stopped by {@link #close()}. Confined to the suite's thread.
 */
final class BadInputFixtures implements AutoCloseable {
    private final Path dir;
    private final SandboxExtension.Sandbox sandbox;
    private SharedStandaloneCluster cluster;
    private Path yarnConfDir;
    private String session;
    private Path jobsJar;

    BadInputFixtures(Path dir, SandboxExtension.Sandbox sandbox) {
        this.dir = dir;
        this.sandbox = sandbox;
    }

    static final int UPLOAD_LIMIT_MB = 16;

    SandboxExtension.Sandbox sandbox() {
        return sandbox;
    }

    /**
     * The shared standalone cluster; its upload limit is {@link #UPLOAD_LIMIT_MB} MB instead of the default 1 GB,
     * so that a case can go over it with a jar of tens of megabytes.
     */
    SharedStandaloneCluster cluster() {
        if (cluster == null) {
            cluster = SharedStandaloneCluster.start(dir.resolve("standalone"), "384m",
                    "rest.server.max-content-length: " + UPLOAD_LIMIT_MB + "mb\n");
        }
        return cluster;
    }

    /** A jar of the test jobs ({@code io.weft.dist.jobs}), without a Main-Class: name one with {@code -c}. */
    Path jobsJar() {
        if (jobsJar == null) {
            try {
                Path classes = Path.of(SystemExitMain.class.getProtectionDomain().getCodeSource().getLocation()
                        .toURI());
                jobsJar = JobJars.pack(List.of(classes), null, dir.resolve("jobs.jar"),
                        name -> name.startsWith("io/weft/dist/jobs/"));
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("Cannot pack the test jobs into " + dir, e);
            }
        }
        return jobsJar;
    }

    /** The configuration YARN cases start from: small processes, the session's properties file in the suite's dir. */
    Path yarnConfDir() {
        if (yarnConfDir == null) {
            try {
                Path conf = Files.createDirectories(dir.resolve("yarn-conf"));
                Files.write(conf.resolve("weft-conf.yaml"), List.of("jobmanager.memory.process.size: 768mb",
                        "taskmanager.memory.process.size: 900mb",
                        "yarn.properties-file.location: " + dir.resolve("yarn-session"),
                        "resourcemanager.taskmanager-timeout: 5 s"));
                Files.createDirectories(dir.resolve("yarn-session"));
                for (String file : List.of("log4j2.properties", "log4j2-cli.properties")) {
                    Path source = Path.of(System.getProperty(StandaloneClusterScriptsIT.DIST_DIR_PROPERTY), "conf",
                            file);
                    Files.copy(source, conf.resolve(file));
                }
                yarnConfDir = conf;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write the YARN cases' configuration in " + dir, e);
            }
        }
        return yarnConfDir;
    }

    /** The id of the detached session every {@code -t yarn-session} case uses. */
    String session() {
        if (session == null) {
            DistScripts.Run started = yarnScripts().run("yarn-session.sh", "-d", "-nm", "bad-input-session",
                    "-s", "2");
            Matcher m = YarnJobsIT.APPLICATION.matcher(started.out());
            assertThat(started.exitCode()).as(started::toString).isZero();
            assertThat(m.find()).as(started::toString).isTrue();
            session = m.group();
        }
        return session;
    }

    private YarnScripts yarnScripts() {
        Map<String, String> env = new TreeMap<>(sandbox.env());
        env.put("WEFT_CONF_DIR", yarnConfDir().toString());
        return new YarnScripts(new DistScripts(dir, env));
    }

    /** {@link DistScripts} whose failures to run at all are unchecked, for fixture code. */
    private record YarnScripts(DistScripts scripts) {
        DistScripts.Run run(String name, String... args) {
            try {
                return scripts.run(name, args);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot run " + name, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running " + name, e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (session != null) {
                DistScripts.Run stop = yarnScripts().run("yarn-session.sh", "-id", session, "stop");
                if (stop.exitCode() != 0) {
                    yarnScripts().run("yarn", "application", "-kill", session);
                }
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
