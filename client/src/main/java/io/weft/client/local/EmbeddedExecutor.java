package io.weft.client.local;

import io.weft.api.execution.JobClient;
import io.weft.api.execution.PipelineExecutor;
import io.weft.config.Configuration;
import io.weft.config.LocalOptions;
import io.weft.config.TaskManagerOptions;
import io.weft.graph.JobGraph;

/**
 * Runs a job on an {@link EmbeddedCluster} started for it in this JVM — by default one TaskManager with as many
 * slots as the job needs, unless {@code taskmanager.numberOfTaskSlots} or {@code local.number-taskmanager} say
 * otherwise — and stops the cluster when the job ends.
 *
 * <p>Thread-safe; each call starts its own cluster.
 */
public final class EmbeddedExecutor implements PipelineExecutor {
    @Override
    public JobClient execute(JobGraph jobGraph, Configuration configuration, ClassLoader userCodeClassLoader)
            throws Exception {
        int taskManagers = configuration.get(LocalOptions.NUM_TASK_MANAGERS);
        if (taskManagers < 1) {
            throw new io.weft.config.IllegalConfigurationException("local.number-taskmanager must be at least 1, not "
                    + taskManagers);
        }
        Configuration clusterConfig = new Configuration(configuration);
        if (!configuration.contains(TaskManagerOptions.NUM_TASK_SLOTS)) {
            clusterConfig.set(TaskManagerOptions.NUM_TASK_SLOTS,
                    Math.max(1, (jobGraph.requiredSlots() + taskManagers - 1) / taskManagers));
        }
        EmbeddedCluster cluster = new EmbeddedCluster(taskManagers, clusterConfig);
        try {
            cluster.dispatcher().submitJob(jobGraph, userCodeClassLoader).get();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        DispatcherJobClient client = new DispatcherJobClient(cluster.dispatcher(), jobGraph.jobId());
        client.getJobExecutionResult().whenComplete((r, e) -> cluster.close());
        return client;
    }
}
