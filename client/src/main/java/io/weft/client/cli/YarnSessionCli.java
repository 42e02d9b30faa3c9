package io.weft.client.cli;

import io.weft.client.yarn.ApplicationReports;
import io.weft.client.yarn.YarnClusterDeployer;
import io.weft.client.yarn.YarnDeployment;
import io.weft.client.yarn.YarnPropertiesFile;
import io.weft.runtime.rpc.RestToken;
import io.weft.client.yarn.YarnSessionLocator;
import io.weft.client.yarn.YarnSessionStopper;
import io.weft.config.Configuration;
import io.weft.config.DeploymentOptions;
import io.weft.config.GlobalConfiguration;
import io.weft.config.MemoryOptions;
import io.weft.config.TaskManagerOptions;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.yarn.YarnLaunchSpec;
import io.weft.runtime.entrypoint.ProcessShutdown;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code yarn-session.sh}: starts a Weft session on YARN, records it in the YARN properties file, and — attached —
 * stops it when stdin says {@code stop} (or ends, or the JVM is stopped); {@code -id APP_ID stop} stops a running
 * session. Exit codes as {@code weft}'s.
 *
 * <h2>Threading</h2>
 * The command runs on the calling thread; attached, a daemon thread reads stdin and a shutdown hook stops the session
 * on Ctrl-C. Whichever comes first stops it; the other then finds nothing to do.
 */
public final class YarnSessionCli {
    private static final long WATCH_MILLIS = 1000;
    private final Map<String, String> environment;

    YarnSessionCli(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs {@code yarn-session.sh} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        ProcessShutdown.install("yarn-session.sh client", CliFrontend.CLIENT_MEMORY_HINT);
        CliFrontend.defaultWeftHome();
        int code = new YarnSessionCli(System.getenv()).run(args, System.in, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        YarnSessionOptions options = new YarnSessionOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println(Failures.message(e) + " (see 'yarn-session.sh --help')");
            return ExitCode.USAGE;
        }
        if (options.help) {
            cli.usage(out);
            return ExitCode.SUCCESS;
        }
        boolean verbose = options.verbose || "1".equals(environment.get(CliFrontend.DEBUG_ENV));
        try {
            Configuration config = configuration(options);
            if (options.command != null) {
                if (!options.command.equals("stop")) {
                    throw new UsageException("Unknown command '" + options.command + "': the only command is stop"
                            + " (yarn-session.sh -id APP_ID stop)");
                }
                return stop(YarnSessionLocator.applicationId(options.applicationId, config), config, out);
            }
            if (options.applicationId != null) {
                throw new UsageException("-id names a session to stop: add 'stop', or drop -id to start one");
            }
            return start(options, config, in, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return ExitCode.JOB_FAILED;
        } catch (IOException e) {
            err.println("Cannot write the YARN properties file: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            return YarnRun.fail(e, err, verbose);
        }
    }

    private Configuration configuration(YarnSessionOptions options) {
        Configuration config = new Configuration(GlobalConfiguration.loadConfiguration(environment));
        config.addAll(RunConfiguration.parseDynamicProperties(options.dynamicProperties));
        if (options.name != null) {
            config.set(YarnOptions.APPLICATION_NAME, options.name);
        }
        if (options.queue != null) {
            config.set(YarnOptions.APPLICATION_QUEUE, options.queue);
        }
        if (options.slots != null) {
            if (options.slots < 1) {
                throw new UsageException("-s must be at least 1, not " + options.slots);
            }
            config.set(TaskManagerOptions.NUM_TASK_SLOTS, options.slots);
        }
        if (options.taskManagerMemory != null) {
            setMemory(config, MemoryOptions.TASK_MANAGER_PROCESS_SIZE.key(), options.taskManagerMemory, "-tm");
        }
        if (options.jobManagerMemory != null) {
            setMemory(config, MemoryOptions.JOB_MANAGER_PROCESS_SIZE.key(), options.jobManagerMemory, "-jm");
        }
        config.set(DeploymentOptions.TARGET, Target.YARN_SESSION.cliName());
        return config;
    }

    private static void setMemory(Configuration config, String key, String value, String option) {
        String size = value.matches("[0-9]+") ? value + "m" : value;
        GlobalConfiguration.validate(key, size, option);
        config.setString(key, size);
    }

    private int start(YarnSessionOptions options, Configuration config, InputStream in, PrintStream out)
            throws IOException, InterruptedException {
        try (YarnClusterDeployer yarn = new YarnClusterDeployer(environment)) {
            YarnDeployment session = yarn.deploy(config, YarnLaunchSpec.Mode.SESSION, null, null);
            out.println("YARN session " + session.applicationId() + " runs, its JobManager at " + session.restUrl());
            YarnPropertiesFile properties = YarnPropertiesFile.of(config);
            try {
                properties.write(session.applicationId().toString(), session.restToken());
            } catch (IOException e) {
                // a session no command can find is of no use: stop it rather than leave it running
                yarn.kill(session.applicationId());
                yarn.deleteStagingLeftBy(session);
                throw new IOException(e.getMessage() + "; the session " + session.applicationId()
                        + " was stopped: set yarn.properties-file.location to a writable directory", e);
            }
            if (options.detached) {
                out.println("Stop it with: yarn-session.sh -id " + session.applicationId() + " stop");
                return ExitCode.SUCCESS;
            }
            out.println("Type 'stop' (or end the input, or press Ctrl-C) to stop the session");
            return watch(yarn, session.applicationId(), session.restToken(), properties, in, out);
        }
    }

    /** Attached: waits for 'stop', the end of stdin, Ctrl-C or the session's own end. */
    private static int watch(YarnClusterDeployer yarn, ApplicationId id, RestToken token,
            YarnPropertiesFile properties, InputStream in, PrintStream out) throws IOException, InterruptedException {
        CountDownLatch stopRequested = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.strip().equals("stop")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // an unreadable stdin counts as its end
            }
            stopRequested.countDown();
        }, "yarn-session-stdin");
        reader.setDaemon(true);
        reader.start();
        Thread hook = new Thread(() -> stopQuietly(yarn, id, token, properties), "yarn-session-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!stopRequested.await(WATCH_MILLIS, TimeUnit.MILLISECONDS)) {
                ApplicationReport report = yarn.report(id);
                if (ApplicationReports.hasEnded(report)) {
                    properties.deleteIfFor(id.toString());
                    out.println("The YARN session " + id + " ended " + report.getYarnApplicationState() + ": "
                            + ApplicationReports.diagnostics(report));
                    return ExitCode.JOB_FAILED;
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook stops the session
            }
        }
        return stopAndReport(yarn, id, token, properties, out);
    }

    private static void stopQuietly(YarnClusterDeployer yarn, ApplicationId id, RestToken token,
            YarnPropertiesFile properties) {
        try {
            YarnSessionStopper.stop(yarn, id, token);
            properties.deleteIfFor(id.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            System.err.println("Cannot stop the YARN session " + id + " (" + e.getMessage() + "): run 'yarn"
                    + " application -kill " + id + "'");
        }
    }

    private int stop(ApplicationId id, Configuration config, PrintStream out) throws IOException,
            InterruptedException {
        try (YarnClusterDeployer yarn = new YarnClusterDeployer(environment)) {
            YarnSessionLocator.requireSession(yarn.report(id));
            return stopAndReport(yarn, id, yarn.restToken(id, config).orElse(null), YarnPropertiesFile.of(config),
                    out);
        }
    }

    private static int stopAndReport(YarnClusterDeployer yarn, ApplicationId id, RestToken token,
            YarnPropertiesFile properties, PrintStream out) throws IOException, InterruptedException {
        ApplicationReport report = YarnSessionStopper.stop(yarn, id, token);
        properties.deleteIfFor(id.toString());
        out.println(report == null ? "Killed the YARN session " + id + " (it did not stop within "
                + YarnSessionStopper.GRACE.toSeconds() + " s)" : "Stopped the YARN session " + id + " ("
                + report.getYarnApplicationState() + ")");
        return ExitCode.SUCCESS;
    }
}
