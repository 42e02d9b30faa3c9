package io.weft.dist;

import static io.weft.dist.YarnJobsIT.check;
import static io.weft.dist.YarnJobsIT.jobId;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.client.cluster.JobJars;
import io.weft.dist.jobs.SlowWordCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YARN session end to end through the scripts: {@code yarn-session.sh -d} starts it and writes the properties
 * file; {@code weft run -t yarn-session} runs two jobs in turn and two at once with exact output; {@code weft list}
 * shows them; {@code weft cancel} cancels a running one; idle TaskManager containers go back to YARN; and
 * {@code yarn-session.sh -id … stop} ends the application SUCCEEDED and removes the properties file. An attached
 * session replaces a stale properties file, and removes it when the session ends on its own.
 */
@ExtendWith(SandboxExtension.class)
class YarnSessionIT {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void sessionRunsJobsInTurnAndAtOnceListsCancelsReleasesIdleContainersAndStops(SandboxExtension.Sandbox sandbox)
            throws Exception {
        DistScripts scripts = scripts(sandbox, "resourcemanager.taskmanager-timeout: 3 s", "heartbeat.timeout: 20 s");
        Path words = dir.resolve("words.txt");
        Files.write(words, YarnJobsIT.wordLines());
        Map<String, Long> expected = YarnJobsIT.countWords(Files.readAllLines(words));
        check(scripts.run("hdfs", "dfs", "-mkdir", "-p", "/session"));
        check(scripts.run("hdfs", "dfs", "-put", "-f", words.toString(), "/session/words.txt"));
        Path classes = Path.of(SlowWordCount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path slowJar = JobJars.pack(List.of(classes), SlowWordCount.class.getName(), dir.resolve("slow.jar"),
                name -> name.startsWith("io/weft/dist/jobs/"));

        String examplesJar = scripts.dist().resolve("examples/weft-examples.jar").toString();
        DistScripts.Run started = check(scripts.run("yarn-session.sh", "-d", "-nm", "it-session", "-s", "2"));
        Matcher m = YarnJobsIT.APPLICATION.matcher(started.out());
        assertThat(m.find()).as(started::toString).isTrue();
        String app = m.group();
        try {
            useSession(scripts, app, examplesJar, slowJar, expected);
        } finally {
            if (!scripts.run("yarn", "application", "-status", app).out().contains("State : FINISHED")) {
                scripts.run("yarn", "application", "-kill", app);
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void attachedSession_replacesAStaleFile_andRemovesItWhenTheSessionEndsOnItsOwn(SandboxExtension.Sandbox sandbox)
            throws Exception {
        DistScripts scripts = scripts(sandbox);
        Path properties = dir.resolve(".yarn-properties-" + System.getProperty("user.name"));
        Files.writeString(properties, "applicationID=application_1_0001\n");

        DistScripts.Background attached = scripts.startWithOpenInput("yarn-session.sh", "-nm", "it-attached");
        String app = null;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (app == null && System.nanoTime() < deadline && attached.process().isAlive()) {
                Matcher m = YarnJobsIT.APPLICATION.matcher(Files.readString(properties));
                app = m.find() && !m.group().equals("application_1_0001") ? m.group() : null;
                Thread.sleep(500);
            }
            assertThat(app).as("the session's id in %s: %s", properties, Files.readString(attached.out()))
                    .isNotNull();
            check(scripts.run("yarn", "application", "-kill", app));

            DistScripts.Run ended = attached.await(Duration.ofSeconds(60));
            assertThat(ended.exitCode()).as(ended::toString).isEqualTo(1);
            assertThat(ended.out()).as(ended::toString).contains("The YARN session " + app + " ended KILLED");
            assertThat(properties).doesNotExist();
        } finally {
            attached.process().getOutputStream().close();
            if (attached.process().isAlive()) {
                attached.process().destroy();
                attached.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The scripts against the sandbox, with small processes, the properties file in {@link #dir} and more keys. */
    private DistScripts scripts(SandboxExtension.Sandbox sandbox, String... moreConf) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        List<String> lines = new ArrayList<>(List.of("jobmanager.memory.process.size: 768mb",
                "taskmanager.memory.process.size: 900mb", "yarn.properties-file.location: " + dir));
        lines.addAll(List.of(moreConf));
        Files.write(conf.resolve("weft-conf.yaml"), lines);
        Map<String, String> env = new TreeMap<>(sandbox.env());
        env.put("WEFT_CONF_DIR", conf.toString());
        return new DistScripts(dir, env);
    }

    private void useSession(DistScripts scripts, String app, String examplesJar, Path slowJar,
            Map<String, Long> expected) throws Exception {
        Path properties = dir.resolve(".yarn-properties-" + System.getProperty("user.name"));
        assertThat(Files.readString(properties)).contains("applicationID=" + app);

        for (String out : List.of("/session/in-turn-1", "/session/in-turn-2")) {
            DistScripts.Run run = scripts.run("weft", "run", "-t", "yarn-session", examplesJar, "--input",
                    "hdfs:///session/words.txt", "--output", "hdfs://" + out);
            assertThat(run.exitCode()).as(run::toString).isZero();
            assertThat(YarnJobsIT.output(scripts, out)).isEqualTo(expected);
        }
        // a fat job jar (about 200 MB) streams to the session's JobManager with the default settings
        Path fat = FatJarIT.fatJar(Path.of(examplesJar), dir.resolve("fat.jar"));
        DistScripts.Run fatRun = scripts.run("weft", "run", "-t", "yarn-session", "-c", "io.weft.examples.WordCount",
                fat.toString(), "--input", "hdfs:///session/words.txt", "--output", "hdfs:///session/fat");
        assertThat(fatRun.exitCode()).as(fatRun::toString).isZero();
        assertThat(YarnJobsIT.output(scripts, "/session/fat")).isEqualTo(expected);
        Files.delete(fat);
        DistScripts.Background first = scripts.start("weft", "run", "-t", "yarn-session", examplesJar, "--input",
                "hdfs:///session/words.txt", "--output", "hdfs:///session/at-once-1");
        DistScripts.Background second = scripts.start("weft", "run", "-t", "yarn-session", examplesJar, "--input",
                "hdfs:///session/words.txt", "--output", "hdfs:///session/at-once-2", "--mode", "streaming");
        for (DistScripts.Background b : List.of(first, second)) {
            DistScripts.Run run = b.await(Duration.ofSeconds(120));
            assertThat(run.exitCode()).as(run::toString).isZero();
        }
        assertThat(YarnJobsIT.output(scripts, "/session/at-once-1")).isEqualTo(expected);
        assertThat(YarnJobsIT.output(scripts, "/session/at-once-2")).isEqualTo(expected);

        DistScripts.Run detached = check(scripts.run("weft", "run", "-t", "yarn-session", "-d", slowJar.toString(),
                "hdfs:///session/words.txt", "hdfs:///session/canceled", "1000"));
        String slowJob = jobId(detached);
        assertThat(check(scripts.run("weft", "list", "-t", "yarn-session")).out()).contains(slowJob);
        check(scripts.run("weft", "cancel", slowJob, "-t", "yarn-session"));
        awaitStatus(scripts, slowJob, "CANCELED");
        DistScripts.Run all = check(scripts.run("weft", "list", "-a", "-t", "yarn-session", "-id", app));
        // two in turn, the fat jar, two at once
        assertThat(all.out().lines().filter(l -> l.contains("FINISHED")).count()).as(all::toString).isEqualTo(5);
        assertThat(all.out()).contains(slowJob + " CANCELED");

        awaitOnlyTheApplicationMasterContainer(scripts, app);
        DistScripts.Run stopped = check(scripts.run("yarn-session.sh", "-id", app, "stop"));
        assertThat(check(scripts.run("yarn", "application", "-status", app)).out()).as(stopped::toString)
                .contains("Final-State : SUCCEEDED");
        assertThat(properties).doesNotExist();
    }

    private static void awaitStatus(DistScripts scripts, String jobId, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        DistScripts.Run status = null;
        while (System.nanoTime() < deadline) {
            status = scripts.run("weft", "status", jobId, "-t", "yarn-session");
            if (status.out().contains("Job " + jobId + " " + state)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Job " + jobId + " not " + state + " within 60 s: " + status);
    }

    /** Waits until the session has given its idle TaskManager containers back (bounded). */
    private static void awaitOnlyTheApplicationMasterContainer(DistScripts scripts, String app) throws Exception {
        String attempt = app.replace("application_", "appattempt_") + "_000001";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        DistScripts.Run list = null;
        while (System.nanoTime() < deadline) {
            list = check(scripts.run("yarn", "container", "-list", attempt));
            if (list.out().contains("Total number of containers :1")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("Idle TaskManager containers of " + app + " not released within 90 s: " + list);
    }
}
