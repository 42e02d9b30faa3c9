package io.weft.jobmanager.program;

import io.weft.api.InvalidProgramException;
import io.weft.api.JobID;
import io.weft.api.datastream.JarPlanCapture;
import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import io.weft.jobmanager.blob.BlobStore;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.rest.JarRunner;
import io.weft.runtime.deployment.JobProgram;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an uploaded jar on the JobManager: captures the job graph its entry class defines ({@link JarPlanCapture}),
 * stores the jar in the blob store (from which TaskManagers in other processes fetch it), and submits the graph
 * with the program that re-creates it. The class loader is closed and the blob deleted when the job ends.
 *
 * <p>Programs run one at a time on a thread of their own ("jar-runner"); the returned future completes there.
 */
public final class PlanCaptureJarRunner implements JarRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanCaptureJarRunner.class);
    private final Dispatcher dispatcher;
    private final Configuration configuration;
    private final BlobStore blobs;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jar-runner");
        t.setDaemon(true);
        return t;
    });

    /** @param blobs where jars go for TaskManagers in other processes; null when every TaskManager is in this JVM */
    public PlanCaptureJarRunner(Dispatcher dispatcher, Configuration configuration, BlobStore blobs) {
        this.dispatcher = dispatcher;
        this.configuration = configuration;
        this.blobs = blobs;
    }

    public PlanCaptureJarRunner(Dispatcher dispatcher, Configuration configuration) {
        this(dispatcher, configuration, null);
    }

    @Override
    public CompletableFuture<JobID> run(Path jar, String entryClass, List<String> args, Integer parallelism,
            Map<String, String> jobConfiguration) {
        return CompletableFuture.supplyAsync(() -> capture(jar, entryClass, args, parallelism, jobConfiguration),
                        thread)
                .thenCompose(job -> dispatcher.submitJob(job.captured().graph(), job.captured().loader(),
                        job.program()).whenComplete((id, e) -> {
                            if (e != null) {
                                release(job);
                            } else {
                                dispatcher.requestJobResult(id).whenComplete((r, x) -> release(job));
                            }
                        }));
    }

    private Job capture(Path jar, String entryClass, List<String> args, Integer parallelism,
            Map<String, String> jobConfiguration) {
        // the job's own settings over the cluster's, in this job's copy only; they travel with its program
        Configuration conf = new Configuration(configuration).addAll(Configuration.fromMap(jobConfiguration));
        if (!jobConfiguration.isEmpty()) {
            LOG.info("Job settings of the run request: {}", jobConfiguration);
        }
        if (parallelism != null) {
            if (parallelism < 1) {
                throw new InvalidProgramException("Parallelism must be at least 1, not " + parallelism);
            }
            conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        JarPlanCapture.Captured captured = JarPlanCapture.capture(jar, entryClass, args, conf,
                PlanCaptureJarRunner.class.getClassLoader(), true);
        LOG.info("Program {} of {} defined job {} ({})", captured.entryClass(), jar, captured.graph().name(),
                captured.graph().jobId());
        JobProgram program = null;
        if (blobs != null) {
            try {
                String key = blobs.put(captured.graph().jobId(), jar);
                program = new JobProgram(key, captured.entryClass(), args, withoutSecrets(conf.toMap()));
            } catch (RuntimeException e) {
                JarPlanCapture.closeQuietly(captured.loader());
                throw e;
            }
        }
        return new Job(captured, program);
    }

    /**
     * The configuration a program runs with on TaskManagers: everything but the security settings (keystore
     * passwords and the like), which never travel with a job.
     */
    static Map<String, String> withoutSecrets(Map<String, String> configuration) {
        Map<String, String> shipped = new HashMap<>(configuration);
        shipped.keySet().removeIf(k -> k.startsWith("security."));
        return shipped;
    }

    private void release(Job job) {
        JarPlanCapture.closeQuietly(job.captured().loader());
        if (job.program() != null) {
            blobs.delete(job.program().blobKey());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** A captured job and the program that re-creates it elsewhere (null without a blob store). */
    private record Job(JarPlanCapture.Captured captured, JobProgram program) {
    }
}
