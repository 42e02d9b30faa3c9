package io.weft.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * What a bad-input case sees: its own directory (also the working directory of its command), its own writable
 * copy of the target's configuration ({@code WEFT_CONF_DIR} points at it), the variables of its run, and the shared
 * standalone cluster and YARN session, started on first use. Confined to the thread that runs the case.
 */
final class BadInputContext {
    private final BadInput.Target target;
    private final Path dir;
    private final Path confDir;
    private final Path dist;
    private final BadInputFixtures fixtures;
    private final Map<String, String> env = new TreeMap<>();

    BadInputContext(BadInput.Target target, Path dir, Path dist, BadInputFixtures fixtures) throws IOException {
        this.target = target;
        this.dir = dir;
        this.dist = dist;
        this.fixtures = fixtures;
        this.confDir = Files.createDirectories(dir.resolve("conf"));
        Path base = switch (target) {
            case LOCAL -> dist.resolve("conf");
            case REMOTE -> fixtures.cluster().confDir();
            case YARN -> fixtures.yarnConfDir();
        };
        try (var files = Files.list(base)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, confDir.resolve(file.getFileName()));
            }
        }
        if (target == BadInput.Target.YARN) {
            env.putAll(fixtures.sandbox().env());
        }
        env.put("WEFT_CONF_DIR", confDir.toString());
    }

    BadInput.Target target() {
        return target;
    }

    /** The case's own directory. */
    Path dir() {
        return dir;
    }

    /** The absolute path of {@code relative} in the case's directory, as a string for a command line. */
    String path(String relative) {
        return dir.resolve(relative).toString();
    }

    /** Writes {@code text} (UTF-8) to {@code relative} in the case's directory, creating parents. */
    Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The distribution's root directory. */
    Path dist() {
        return dist;
    }

    /** The distribution's examples jar, for a command line. */
    String examplesJar() {
        return dist.resolve("examples/weft-examples.jar").toString();
    }

    /** The jar of the test jobs ({@code io.weft.dist.jobs}), for a command line with {@code -c CLASS}. */
    String jobsJar() {
        return fixtures.jobsJar().toString();
    }

    /** The case's own configuration directory, a copy of the target's. */
    Path confDir() {
        return confDir;
    }

    /** The value of {@code key} in the case's {@code weft-conf.yaml} (its last {@code key: value} line). */
    String confValue(String key) throws IOException {
        return Files.readAllLines(confDir.resolve("weft-conf.yaml")).stream().filter(l -> l.startsWith(key + ":"))
                .reduce((a, b) -> b).map(l -> l.substring(key.length() + 1).trim())
                .orElseThrow(() -> new IllegalStateException(key + " is not in " + confDir));
    }

    /** Appends a line to the case's {@code weft-conf.yaml}. */
    BadInputContext conf(String line) throws IOException {
        Files.writeString(confDir.resolve("weft-conf.yaml"), "\n" + line + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return this;
    }

    /** Removes every line of the case's {@code weft-conf.yaml} that mentions {@code text}. */
    BadInputContext dropConf(String text) throws IOException {
        Path yaml = confDir.resolve("weft-conf.yaml");
        Files.write(yaml, Files.readAllLines(yaml).stream().filter(l -> !l.contains(text)).toList());
        return this;
    }

    /** Sets a variable for the case's command (and for {@link #script}); {@code null} removes it. */
    BadInputContext env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** The REST address ("127.0.0.1:port") of the shared standalone cluster, started on first use. */
    String rest() {
        return fixtures.cluster().restAddress();
    }

    /** The file holding the shared standalone cluster's secret. */
    Path secret() {
        return fixtures.cluster().secretFile();
    }

    /** The application id of the shared detached YARN session, started on first use. */
    String session() {
        return fixtures.session();
    }

    /** The current report of the shared YARN session, started on first use. */
    ApplicationReport sessionReport() throws IOException, YarnException {
        try (YarnClient yarn = yarn()) {
            return yarn.getApplicationReport(ApplicationId.fromString(session()));
        }
    }

    /** A started client of the sandbox's YARN, for a case's checks and applications of its own; close it. */
    YarnClient yarn() throws IOException {
        YarnClient yarn = YarnClient.createYarnClient();
        yarn.init(sandboxConf());
        yarn.start();
        return yarn;
    }

    /**
     * Where the tracking URL of {@code report} leads: the ResourceManager's web proxy. The sandbox's
     * MiniYARNCluster reports it with the web port before it is bound, so the address comes from its configuration.
     */
    String proxyUrl(ApplicationReport report) throws IOException {
        return "http://" + sandboxConf().get(YarnConfiguration.RM_WEBAPP_ADDRESS)
                + java.net.URI.create(report.getTrackingUrl()).getPath();
    }

    private YarnConfiguration sandboxConf() throws IOException {
        YarnConfiguration conf = new YarnConfiguration();
        Path hadoopConf = Path.of(fixtures.sandbox().env().get("HADOOP_CONF_DIR"));
        conf.addResource(hadoopConf.resolve("core-site.xml").toUri().toURL());
        conf.addResource(hadoopConf.resolve("yarn-site.xml").toUri().toURL());
        return conf;
    }

    /** Runs {@code bash -c script} in the case's directory, for files Java cannot name (bytes not in UTF-8). */
    void shell(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).inheritIO().start();
        if (!bash.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || bash.exitValue() != 0) {
            bash.destroyForcibly();
            throw new IllegalStateException("bash -c '" + script + "' failed in " + dir);
        }
    }

    /** A path of the sandbox's HDFS unique to this case: {@code hdfs:///badinput/<case dir>/<relative>}. */
    String hdfsPath(String relative) {
        return "hdfs:///badinput/" + dir.getFileName() + "/" + relative;
    }

    /** Copies the case's file {@code relative} to {@link #hdfsPath} of the same name. */
    void putIntoHdfs(String relative) {
        DistScripts.Run mkdir = script("hdfs", "dfs", "-mkdir", "-p", hdfsPath(""));
        DistScripts.Run put = script("hdfs", "dfs", "-put", path(relative), hdfsPath(relative));
        if (mkdir.exitCode() != 0 || put.exitCode() != 0) {
            throw new IllegalStateException("Cannot copy " + relative + " into HDFS: " + mkdir + " " + put);
        }
    }

    /** Runs another script of {@code bin/} with the case's variables, in its directory (for setup and checks). */
    DistScripts.Run script(String name, String... args) {
        try {
            return new DistScripts(dir, env()).run(name, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
    }
}
