package io.weft.runtime.deployment;

import io.weft.api.JobID;
import io.weft.api.RuntimeExecutionMode;
import io.weft.config.Configuration;
import io.weft.graph.JobVertex;
import io.weft.runtime.AllocationID;
import io.weft.runtime.ExecutionAttemptID;
import java.util.List;

/**
 * Everything a TaskManager needs to run one subtask attempt: the vertex (its chain of operators), the subtask
 * index and attempt, the slot, the partitions to produce and the gates to read, the runtime mode and the job's
 * configuration and class loader, and — for jobs submitted as a jar — the program that re-creates the vertex on a
 * TaskManager in another process. Immutable.
 *
 * @param program how a remote TaskManager re-creates the job's operators; null for jobs submitted in-process
 */
public record TaskDeploymentDescriptor(JobID jobId, JobVertex vertex, int subtaskIndex, int attemptNumber,
        ExecutionAttemptID attemptId, AllocationID allocationId, List<ResultPartitionDeploymentDescriptor> partitions,
        List<InputGateDeploymentDescriptor> inputGates, RuntimeExecutionMode runtimeMode, Configuration jobConfig,
        ClassLoader userCodeClassLoader, JobProgram program) {

    /** "vertex name (index+1/parallelism)#attempt", as tasks are named in logs and errors. */
    public String taskName() {
        return vertex.getName() + " (" + (subtaskIndex + 1) + "/" + vertex.getParallelism() + ")#" + attemptNumber;
    }
}
