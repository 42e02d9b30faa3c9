package io.weft.graph;

import io.weft.api.JobID;
import io.weft.api.RuntimeExecutionMode;
import io.weft.config.Configuration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is submitted to a JobManager: the chained vertices, their data sets and edges, the runtime mode and the
 * job's configuration. Read-only once built.
 *
 * @param vertices in topological order
 */
public record JobGraph(JobID jobId, String name, List<JobVertex> vertices, RuntimeExecutionMode runtimeMode,
        Configuration configuration) {

    /**
     * Slots the job needs: with slot sharing, a slot hosts one subtask of each vertex of its group, so each group
     * needs as many slots as its most parallel vertex.
     */
    public int requiredSlots() {
        Map<String, Integer> perGroup = new HashMap<>();
        for (JobVertex v : vertices) {
            perGroup.merge(v.getSlotSharingGroup(), v.getParallelism(), Math::max);
        }
        return perGroup.values().stream().mapToInt(Integer::intValue).sum();
    }
}
