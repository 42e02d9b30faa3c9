package io.weft.jobmanager.rest;

import io.weft.api.JobID;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an uploaded job jar: runs its program (the entry class's {@code main}) so that the job it builds is
 * submitted to this cluster, and answers with that job's id. This is what {@code POST /jars/:jarid/run} does.
 *
 * <h2>Threading</h2>
 * Called from the REST endpoint's jar thread, never from a network event loop. An implementation must not block
 * the caller for long: it should run the program on its own thread and complete the future from any thread.
 *
 * <h2>Errors</h2>
 * The future fails with {@link io.weft.api.InvalidProgramException} when the program cannot be run as asked (no
 * such entry class, no {@code Main-Class} in the manifest, the program's own validation failed, it built no job):
 * the client gets 400 with the exception's message, so the message should say what is wrong and how to fix it.
 * Any other failure is an internal error (500).
 */
public interface JarRunner {
    /**
     * Runs the program in {@code jar}.
     *
     * @param jar the stored jar file
     * @param entryClass the class whose {@code main} to run, or null for the jar manifest's {@code Main-Class}
     * @param args the program's arguments, possibly empty
     * @param parallelism the default parallelism for the job, or null for the configured default
     * @param jobConfiguration the job's own settings over the cluster's configuration (job-level keys, checked
     *     already), for this job only; possibly empty
     * @return the id of the submitted job
     */
    CompletableFuture<JobID> run(Path jar, String entryClass, List<String> args, Integer parallelism,
            Map<String, String> jobConfiguration);
}
