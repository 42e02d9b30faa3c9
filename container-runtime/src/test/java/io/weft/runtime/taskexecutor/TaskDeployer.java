package io.weft.runtime.taskexecutor;

import io.weft.graph.IntermediateDataSet;
import io.weft.graph.JobEdge;
import io.weft.graph.JobGraph;
import io.weft.graph.JobVertex;
import io.weft.runtime.AllocationID;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.JobMasterGateway;
import io.weft.runtime.deployment.InputChannelDescriptor;
import io.weft.runtime.deployment.InputGateDeploymentDescriptor;
import io.weft.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.deployment.TaskDeploymentDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deploys every subtask of a job graph whose edges are all-to-all onto chosen TaskExecutors, as a JobMaster would:
 * allocates a slot, then submits a descriptor whose input channels name each producer's TaskManager and data
 * address. Consumers are deployed before their producers, so their partition requests arrive before the
 * partitions are registered. Test thread only.
 */
final class TaskDeployer {
    /** Where each subtask of a vertex runs. */
    interface Placement {
        TaskExecutor of(JobVertex vertex, int subtask);
    }

    private final JobGraph graph;
    private final Placement placement;
    private final Map<String, ExecutionAttemptID> attempts = new HashMap<>();
    private final Map<TaskExecutor, Integer> usedSlots = new HashMap<>();

    TaskDeployer(JobGraph graph, Placement placement) {
        this.graph = graph;
        this.placement = placement;
        for (JobVertex v : graph.vertices()) {
            for (int i = 0; i < v.getParallelism(); i++) {
                attempts.put(key(v, i), new ExecutionAttemptID());
            }
        }
    }

    ExecutionAttemptID attempt(JobVertex v, int subtask) {
        return attempts.get(key(v, subtask));
    }

    /** Deploys every subtask, last vertex first; returns the attempts in deployment order. */
    List<ExecutionAttemptID> deployAll(JobMasterGateway jobMaster) {
        List<ExecutionAttemptID> deployed = new ArrayList<>();
        List<JobVertex> vertices = new ArrayList<>(graph.vertices());
        for (int k = vertices.size() - 1; k >= 0; k--) {
            JobVertex v = vertices.get(k);
            for (int i = 0; i < v.getParallelism(); i++) {
                TaskExecutor te = placement.of(v, i);
                int slot = usedSlots.merge(te, 1, Integer::sum) - 1;
                AllocationID allocation = new AllocationID();
                te.allocateSlot(slot, graph.jobId(), allocation).join();
                te.submitTask(descriptor(v, i, allocation), jobMaster).join();
                deployed.add(attempt(v, i));
            }
        }
        return deployed;
    }

    private TaskDeploymentDescriptor descriptor(JobVertex v, int subtask, AllocationID allocation) {
        List<ResultPartitionDeploymentDescriptor> partitions = new ArrayList<>();
        for (IntermediateDataSet ds : v.getProducedDataSets()) {
            partitions.add(new ResultPartitionDeploymentDescriptor(new ResultPartitionID(ds.getId(), subtask,
                    attempt(v, subtask)), ds, ds.getConsumer().target().getParallelism()));
        }
        List<InputGateDeploymentDescriptor> gates = new ArrayList<>();
        for (JobEdge edge : v.getInputs()) {
            JobVertex producer = edge.source().getProducer();
            List<InputChannelDescriptor> channels = new ArrayList<>();
            for (int p = 0; p < producer.getParallelism(); p++) {
                TaskExecutor where = placement.of(producer, p);
                channels.add(new InputChannelDescriptor(new ResultPartitionID(edge.source().getId(), p,
                        attempt(producer, p)), where.getResourceId(), where.dataAddress()));
            }
            gates.add(new InputGateDeploymentDescriptor(edge.source().getId(), subtask, channels));
        }
        return new TaskDeploymentDescriptor(graph.jobId(), v, subtask, 0, attempt(v, subtask), allocation,
                partitions, gates, graph.runtimeMode(), graph.configuration(),
                Thread.currentThread().getContextClassLoader(), null);
    }

    private static String key(JobVertex v, int subtask) {
        return v.getId() + "#" + subtask;
    }
}
