package io.weft.client.yarn;

import io.weft.client.rest.ClusterUnreachableException;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.ProcessMemory;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.yarn.YarnLaunchSpec;
import io.weft.jobmanager.yarn.YarnLaunchSpec.ShippedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.Optional;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RestToken;
import java.util.jar.JarFile;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys Weft applications to the YARN cluster of {@code HADOOP_CONF_DIR}/{@code YARN_CONF_DIR} and reads their
 * reports afterwards. {@link #deploy} checks before it uploads anything (job jar, queue, container sizes), then
 * uploads the staging directory, submits the ApplicationMaster and waits until its REST endpoint answers; when
 * anything fails, or the JVM is stopped meanwhile, nothing stays behind (see {@link DeploymentGuard}).
 *
 * <h2>Errors</h2>
 * {@link IllegalConfigurationException}: a usage or configuration problem, found before anything was uploaded (CLI
 * exit code 2). {@link ClusterUnreachableException}: the ResourceManager cannot be reached (3).
 * {@link YarnDeploymentException}: the application ended before it ran, did not run in time, or YARN refused it
 * (1). Each message is one line.
 *
 * <p>Used by one thread (uploads run on a few short-lived threads of their own); holds one {@link YarnClient},
 * stopped by {@link #close()}.
 */
public final class YarnClusterDeployer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(YarnClusterDeployer.class);
    /** Files uploaded to the staging directory at once. */
    private static final int UPLOAD_THREADS = 4;
    private static final String CLOSE_RETRY_DELAY_KEY = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";
    private static final int CLOSE_RETRY_DELAY_MS = 25;

    private final Map<String, String> environment;
    private final YarnConfiguration hadoopConf;
    private YarnClient yarn;

    /**
     * A deployer for the cluster {@code environment} names ({@code HADOOP_CONF_DIR}, {@code YARN_CONF_DIR}; also
     * {@code WEFT_CONF_DIR}, {@code WEFT_HOME} to find what to ship).
     *
     * @throws IllegalConfigurationException when no Hadoop configuration directory is set
     */
    public YarnClusterDeployer(Map<String, String> environment) {
        this.environment = environment;
        this.hadoopConf = HadoopConfDir.find(environment).load();
    }

    /** The Hadoop configuration of the cluster. */
    public YarnConfiguration hadoopConfiguration() {
        return hadoopConf;
    }

    /**
     * Deploys an application and returns once its REST endpoint answers.
     *
     * @param jobJar the job jar, null in session mode
     * @param program what the ApplicationMaster runs, null in session mode
     */
    public YarnDeployment deploy(Configuration config, YarnLaunchSpec.Mode mode, Path jobJar,
            YarnLaunchSpec.Program program) {
        if (jobJar != null) {
            checkJar(jobJar);
        }
        ProcessMemory.forJobManager(config);
        ProcessMemory.forTaskManager(config);
        List<String> providedDirs = ProvidedLibDirs.configured(config);
        WeftDistribution dist = providedDirs.isEmpty() ? WeftDistribution.locate(environment) : null;
        Path logConfig = (dist != null ? dist : WeftDistribution.locateOrHome(environment)).logConfig(environment);
        ShippedFiles files = ShippedFiles.plan(config, dist == null ? null : dist.distJar(), logConfig,
                HadoopConfDir.find(environment).siteFiles(), jobJar);
        try {
            YarnClient client = yarnClient();
            ClusterPreflight.checkQueue(client, config);
            YarnClientApplication app = client.createApplication();
            ClusterPreflight.checkResources(config, app.getNewApplicationResponse().getMaximumResourceCapability(),
                    true);
            ApplicationSubmissionContext context = app.getApplicationSubmissionContext();
            ApplicationId id = context.getApplicationId();
            String base = config.get(YarnOptions.STAGING_DIRECTORY);
            try (FileSystem fs = stagingFileSystem(base);
                    DeploymentGuard guard = new DeploymentGuard(client)) {
                StagingDirectory staging = StagingDirectory.create(fs, base, id.toString());
                guard.staging(staging);
                ClusterSecret secret = ClusterSecret.generate();
                staging.writeSecret(secret);
                List<ShippedResource> resources = new ArrayList<>();
                List<String> classpath = new ArrayList<>();
                if (!providedDirs.isEmpty()) {
                    List<ShippedResource> provided = ProvidedLibDirs.list(providedDirs, hadoopConf);
                    resources.addAll(provided);
                    classpath.addAll(ProvidedLibDirs.classpath(provided));
                }
                resources.addAll(uploadAll(staging, files.files()));
                classpath.addAll(files.classpath());
                resources.add(staging.write(YarnLaunchSpec.CONFIG_FILE_NAME, ShippedConfiguration.toYaml(config),
                        true));
                YarnLaunchSpec spec = new YarnLaunchSpec(mode, staging.uri(), resources, classpath, program);
                ShippedResource specFile = staging.write(YarnLaunchSpec.FILE_NAME, spec.toJson(), false);
                ApplicationSettings.apply(context, config, mode, ApplicationSettings.name(config, mode, jobJar),
                        AmContainer.launchContext(spec, specFile, config, hadoopConf, secret));
                guard.submitted(id);
                client.submitApplication(context);
                LOG.info("Submitted application {} ({} mode) with staging directory {}", id, mode.cliName(),
                        staging);
                String address = ApplicationWaiter.awaitRest(client, id, config.get(YarnOptions.DEPLOYMENT_TIMEOUT));
                guard.disarm();
                return new YarnDeployment(id, address, staging.uri(), RestToken.of(secret));
            }
        } catch (IOException e) {
            ClusterUnreachableException unreachable = YarnClients.unreachable(e, hadoopConf);
            if (unreachable != null) {
                throw unreachable;
            }
            throw new YarnDeploymentException("Cannot deploy to YARN: " + e.getMessage(), e);
        } catch (YarnException e) {
            throw new YarnDeploymentException("YARN refused the application: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new YarnDeploymentException("Interrupted while deploying to YARN", e);
        }
    }

    /**
     * The REST token of a running application of this user: from {@value ClusterSecret#ENV_VARIABLE} when set, else
     * from the YARN properties file when it records this application, else from the secret in the application's
     * staging directory. Empty when none is found (reading still works; changes are refused with a hint).
     */
    public Optional<RestToken> restToken(ApplicationId id, Configuration config) {
        Optional<ClusterSecret> fromEnv = ClusterSecret.fromEnvironment(environment);
        if (fromEnv.isPresent()) {
            return fromEnv.map(RestToken::of);
        }
        Optional<RestToken> recorded = YarnPropertiesFile.of(config).restTokenFor(id.toString());
        if (recorded.isPresent()) {
            return recorded;
        }
        String base = config.get(YarnOptions.STAGING_DIRECTORY);
        try (FileSystem fs = stagingFileSystem(base)) {
            return Optional.ofNullable(StagingDirectory.readSecret(fs, base, id.toString())).map(RestToken::of);
        } catch (IOException e) {
            LOG.warn("Cannot read the cluster secret of {} from its staging directory: {}", id, e.toString());
            return Optional.empty();
        }
    }

    /** The application's current report. */
    public ApplicationReport report(ApplicationId id) {
        try {
            return yarnClient().getApplicationReport(id);
        } catch (IOException e) {
            ClusterUnreachableException unreachable = YarnClients.unreachable(e, hadoopConf);
            throw unreachable != null ? unreachable : new YarnDeploymentException("Cannot read the report of " + id
                    + ": " + e.getMessage(), e);
        } catch (YarnException e) {
            throw new IllegalConfigurationException("YARN knows no application " + id + " (" + firstLine(e)
                    + "): check the id with 'yarn application -list -appStates ALL'");
        }
    }

    /**
     * Deletes the staging directory of an ended application if it is still there: an ApplicationMaster that was
     * killed or died could not. Failures are logged only.
     */
    public void deleteStagingLeftBy(YarnDeployment deployment) {
        if (deployment.stagingDir() == null) {
            return;
        }
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(deployment.stagingDir());
        try (FileSystem fs = FileSystem.newInstance(dir.toUri(), hadoopConf)) {
            if (fs.delete(dir, true)) {
                LOG.info("Deleted the staging directory {} that the ended application {} left", dir,
                        deployment.applicationId());
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete the staging directory {}: delete it by hand", dir, e);
        }
    }

    /** Kills the application. */
    public void kill(ApplicationId id) {
        try {
            yarnClient().killApplication(id);
        } catch (IOException | YarnException e) {
            throw new YarnDeploymentException("Cannot kill " + id + ": " + firstLine(e), e);
        }
    }

    private YarnClient yarnClient() {
        if (yarn == null) {
            yarn = YarnClients.start(hadoopConf);
        }
        return yarn;
    }

    /**
     * Checks that {@code jar} exists and is a jar.
     *
     * @throws IllegalConfigurationException saying which and how to fix it
     */
    public static void checkJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalConfigurationException("Job jar " + jar + " does not exist: check the path");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            file.getManifest();
        } catch (IOException e) {
            throw new IllegalConfigurationException(jar + " is not a jar file (" + e.getMessage()
                    + "): give the path of a jar");
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        if (yarn != null) {
            yarn.stop();
            yarn = null;
        }
    }

    /** Uploads every file, a few at a time (each HDFS write mostly waits for its pipeline), in their order. */
    private static List<ShippedResource> uploadAll(StagingDirectory staging, List<ShippedFiles.LocalFile> files)
            throws IOException, InterruptedException {
        if (files.isEmpty()) {
            return List.of();
        }
        ExecutorService uploads = Executors.newFixedThreadPool(Math.min(UPLOAD_THREADS, files.size()), r -> {
            Thread t = new Thread(r, "staging-upload");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ShippedResource>> done = new ArrayList<>();
            for (ShippedFiles.LocalFile f : files) {
                done.add(uploads.submit(() -> staging.upload(f.path(), f.name(), f.forTaskManagers())));
            }
            List<ShippedResource> resources = new ArrayList<>();
            for (Future<ShippedResource> f : done) {
                try {
                    resources.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException(e.getCause().getMessage(), e.getCause());
                }
            }
            return resources;
        } finally {
            uploads.shutdownNow();
        }
    }

    /**
     * The file system of the staging directory, for this deployment only. A small file's close waits until the
     * DataNode reported its block, retrying after {@value #CLOSE_RETRY_DELAY_MS} ms here instead of HDFS's 400 ms:
     * the staged files are small and many, and this wait was most of their upload time.
     */
    private FileSystem stagingFileSystem(String base) throws IOException {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(hadoopConf);
        if (hadoopConf.get(CLOSE_RETRY_DELAY_KEY) == null) {
            conf.setInt(CLOSE_RETRY_DELAY_KEY, CLOSE_RETRY_DELAY_MS);
        }
        return base.isBlank() ? FileSystem.newInstance(conf)
                : FileSystem.newInstance(new org.apache.hadoop.fs.Path(base).toUri(), conf);
    }
}
