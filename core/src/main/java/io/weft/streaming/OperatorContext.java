package io.weft.streaming;

import io.weft.api.JobID;
import io.weft.api.RuntimeExecutionMode;
import io.weft.config.Configuration;
import io.weft.streaming.state.KeyedStateBackend;

/**
 * What the task hands to each operator of its chain. Used on the task thread only.
 */
public interface OperatorContext {
    JobID jobId();

    /** "name (index+1/parallelism)#attempt", for logs and errors. */
    String taskName();

    String operatorName();

    int subtaskIndex();

    int parallelism();

    int maxParallelism();

    int attemptNumber();

    /** BATCH or STREAMING (AUTOMATIC is resolved before the job runs). */
    RuntimeExecutionMode runtimeMode();

    Configuration configuration();

    ClassLoader userCodeClassLoader();

    /** The keyed state of this subtask's key groups; null for operators not on a keyed stream. */
    KeyedStateBackend keyedStateBackend();

    ProcessingTimeService processingTimeService();
}
