package io.weft.runtime.taskexecutor;

import io.weft.api.JobID;
import io.weft.api.datastream.JarPlanCapture;
import io.weft.config.Configuration;
import io.weft.graph.JobGraph;
import io.weft.runtime.classloading.ChildFirstClassLoader;
import io.weft.runtime.deployment.JobProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code of the jobs a TaskManager runs: per job, the jar fetched once from the JobManager's blob store, a
 * child-first class loader over it, and the job graph re-created by running the job's program — from which tasks
 * take their operators. Released (loader closed, jar deleted) when the job leaves the TaskManager.
 *
 * <p>Thread-safe: the map of jobs under this object's lock; fetching and program runs happen on one thread of
 * its own ("user-code"), never on the caller's.
 */
final class JobUserCodeCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobUserCodeCache.class);
    private final Path directory;
    private final BlobFetcher fetcher;
    private final Map<JobID, CompletableFuture<UserCode>> jobs = new HashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "user-code");
        t.setDaemon(true);
        return t;
    });

    /** @param directory where fetched jars are kept; created if missing, deleted by {@link #close()} */
    JobUserCodeCache(Path directory, BlobFetcher fetcher) {
        this.directory = directory;
        this.fetcher = fetcher;
    }

    /** The job's code, fetched and captured on first use. */
    synchronized CompletableFuture<UserCode> get(JobID jobId, JobProgram program) {
        return jobs.computeIfAbsent(jobId, id -> CompletableFuture.supplyAsync(() -> load(id, program), thread));
    }

    private UserCode load(JobID jobId, JobProgram program) {
        long start = System.nanoTime();
        Path jar = directory.resolve("job_" + jobId + ".jar");
        try {
            Files.createDirectories(directory);
            fetcher.fetch(program.blobKey(), jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fetch the jar of job " + jobId + " from the JobManager: "
                    + e.getMessage(), e);
        }
        JarPlanCapture.Captured captured = JarPlanCapture.capture(jar, program.entryClass(), program.arguments(),
                Configuration.fromMap(program.configuration()), JobUserCodeCache.class.getClassLoader());
        LOG.info("Loaded the code of job {} ({}) in {} ms", jobId, captured.graph().name(),
                (System.nanoTime() - start) / 1_000_000);
        return new UserCode(captured.graph(), captured.loader(), jar);
    }

    /** Closes the job's class loader and deletes its jar, once its loading ended. */
    void release(JobID jobId) {
        CompletableFuture<UserCode> code;
        synchronized (this) {
            code = jobs.remove(jobId);
        }
        if (code != null) {
            code.whenComplete((c, e) -> {
                if (c != null) {
                    c.release();
                    LOG.info("Released the code of job {}", jobId);
                }
            });
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            for (CompletableFuture<UserCode> c : jobs.values()) {
                c.thenAccept(UserCode::release);
            }
            jobs.clear();
        }
        thread.shutdownNow();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", directory, e.toString());
        }
    }

    /** A job's graph (its operators) and the class loader of its code. */
    record UserCode(JobGraph graph, ChildFirstClassLoader loader, Path jar) {
        void release() {
            JarPlanCapture.closeQuietly(loader);
            try {
                Files.deleteIfExists(jar);
            } catch (IOException e) {
                LOG.debug("Cannot delete {}: {}", jar, e.toString());
            }
        }
    }

    /** Copies a blob from the JobManager into a local file. Called on the user-code thread; may block. */
    @FunctionalInterface
    interface BlobFetcher {
        void fetch(String key, Path target) throws IOException;
    }
}
