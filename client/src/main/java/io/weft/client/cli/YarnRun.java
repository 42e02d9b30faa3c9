package io.weft.client.cli;

import io.weft.api.InvalidProgramException;
import io.weft.api.ProgramFailedException;
import io.weft.api.datastream.JarPlanCapture;
import io.weft.client.rest.ClusterUnreachableException;
import io.weft.client.rest.RestRequestException;
import io.weft.client.yarn.YarnClusterDeployer;
import io.weft.client.yarn.YarnDeployment;
import io.weft.client.yarn.YarnDeploymentException;
import io.weft.client.yarn.YarnSessionLocator;
import io.weft.config.Configuration;
import io.weft.config.DeploymentOptions;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.yarn.YarnLaunchSpec;
import java.io.PrintStream;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a program on YARN ({@code weft run -t yarn-per-job|yarn-application|yarn-session}). Per-job: checks the
 * program on the client (the jar, its entry class, and the job its {@code main} defines, captured without running
 * anything) and deploys an application that runs it. Application mode: deploys an application whose
 * ApplicationMaster runs {@code main}; the client only uploads. Both print the application id and
 * {@code Job <id> submitted}, and attached follow the job to its end ({@link YarnJobFollower}). Session: submits
 * the jar to the running session's REST endpoint as {@code -t remote} does.
 *
 * <p>Runs on the CLI's thread.
 */
final class YarnRun {
    private static final Logger LOG = LoggerFactory.getLogger(YarnRun.class);

    private YarnRun() {
    }

    static int run(RunOptions options, Configuration config, Target target, Map<String, String> environment,
            PrintStream out, PrintStream err, boolean verbose) {
        try (YarnClusterDeployer yarn = new YarnClusterDeployer(environment)) {
            if (target == Target.YARN_SESSION) {
                return runInSession(options, config, yarn, out, err, verbose);
            }
            Path jar = Path.of(options.jar).toAbsolutePath().normalize();
            YarnLaunchSpec.Mode mode = YarnLaunchSpec.Mode.APPLICATION;
            if (target == Target.YARN_PER_JOB) {
                mode = YarnLaunchSpec.Mode.PER_JOB;
                checkProgram(options, config);
            }
            YarnClusterDeployer.checkJar(jar);
            return deployAndFollow(options, config, yarn, mode, jar, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(new YarnDeploymentException("Interrupted", e), err, verbose);
        } catch (RuntimeException e) {
            return fail(e, err, verbose);
        }
    }

    private static int runInSession(RunOptions options, Configuration config, YarnClusterDeployer yarn,
            PrintStream out, PrintStream err, boolean verbose) {
        ApplicationId id = YarnSessionLocator.applicationId(null, config);
        String address = YarnSessionLocator.restAddress(yarn, id, config);
        return RemoteRun.run(options, address, yarn.restToken(id, config).orElse(null),
                config.get(DeploymentOptions.ATTACHED), out, err, verbose);
    }

    private static int deployAndFollow(RunOptions options, Configuration config, YarnClusterDeployer yarn,
            YarnLaunchSpec.Mode mode, Path jar, PrintStream out) throws InterruptedException {
        YarnLaunchSpec.Program program = new YarnLaunchSpec.Program(jar.getFileName().toString(),
                options.mainClass, options.programArgs, options.parallelism);
        YarnDeployment deployment = yarn.deploy(config, mode, jar, program);
        out.println("Application " + deployment.applicationId() + " runs, its JobManager at "
                + deployment.restUrl());
        YarnJobFollower follower = new YarnJobFollower(yarn, deployment, out);
        String jobId = follower.awaitJobId(config.get(YarnOptions.DEPLOYMENT_TIMEOUT));
        if (jobId != null) {
            out.println("Job " + jobId + " submitted");
        }
        boolean attached = config.get(DeploymentOptions.ATTACHED);
        return attached || jobId == null ? follower.follow(jobId) : ExitCode.SUCCESS;
    }

    /**
     * The checks of a per-job run before anything is deployed: the jar and its entry class, then the job its
     * {@code main} defines, captured at its {@code execute()} (nothing runs, nothing is submitted), with its
     * sources checked (an input that does not exist is exit 2 before an application starts; the file systems
     * come from HADOOP_CONF_DIR, as the containers' do).
     */
    private static void checkProgram(RunOptions options, Configuration config) {
        PackagedProgram.open(options.jar, options.mainClass, CliFrontend.class.getClassLoader()).close();
        JarPlanCapture.Captured captured = JarPlanCapture.capture(Path.of(options.jar).toAbsolutePath(),
                options.mainClass, List.copyOf(options.programArgs), new Configuration(config),
                CliFrontend.class.getClassLoader(), true);
        LOG.info("The program defines job '{}'", captured.graph().name());
        JarPlanCapture.closeQuietly(captured.loader());
    }

    /** Prints the one-line message of a YARN command's failure and returns its exit code. */
    static int fail(RuntimeException e, PrintStream err, boolean verbose) {
        int code;
        if (e instanceof IllegalConfigurationException || e instanceof UsageException
                || e instanceof InvalidProgramException) {
            code = ExitCode.USAGE;
        } else if (e instanceof ClusterUnreachableException) {
            code = ExitCode.CLUSTER_UNREACHABLE;
        } else if (e instanceof RestRequestException r) {
            code = r.status() < 500 && r.status() != RestRequestException.PROGRAM_FAILED ? ExitCode.USAGE
                    : ExitCode.JOB_FAILED;
        } else if (e instanceof YarnDeploymentException || e instanceof ProgramFailedException) {
            code = ExitCode.JOB_FAILED;
        } else {
            LOG.error("Internal error of the YARN client", e);
            err.println("Internal error of the Weft client: " + Failures.message(e)
                    + " (please report it with this stack trace)");
            e.printStackTrace(err);
            return ExitCode.JOB_FAILED;
        }
        LOG.info("YARN command failed: {}", e.getMessage(), e);
        err.println(Failures.messageWithUsage(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        return code;
    }
}
