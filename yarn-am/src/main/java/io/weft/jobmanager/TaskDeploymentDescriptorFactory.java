package io.weft.jobmanager;

import io.weft.graph.JobEdge;
import io.weft.graph.JobGraph;
import io.weft.jobmanager.executiongraph.Execution;
import io.weft.jobmanager.executiongraph.ExecutionGraph;
import io.weft.jobmanager.executiongraph.ExecutionVertex;
import io.weft.jobmanager.executiongraph.IntermediateResult;
import io.weft.jobmanager.executiongraph.IntermediateResultPartition;
import io.weft.runtime.deployment.InputChannelDescriptor;
import io.weft.runtime.deployment.JobProgram;
import io.weft.runtime.deployment.InputGateDeploymentDescriptor;
import io.weft.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.weft.runtime.deployment.ResultPartitionID;
import io.weft.runtime.deployment.TaskDeploymentDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the deployment descriptor of one execution: the partitions it produces (one subpartition per consumer,
 * or one for a forward edge) and, per input edge, the producer partitions it reads — every producer's
 * subpartition with its own index for all-to-all edges, the producer of the same index for forward edges.
 *
 * <p>Stateless; called on the JobMaster main thread (it reads the execution graph).
 */
final class TaskDeploymentDescriptorFactory {
    private TaskDeploymentDescriptorFactory() {
    }

    static TaskDeploymentDescriptor create(ExecutionGraph graph, Execution execution, JobGraph jobGraph,
            ClassLoader userCodeClassLoader, JobProgram program) {
        ExecutionVertex ev = execution.getVertex();
        int index = ev.getSubtaskIndex();
        List<ResultPartitionDeploymentDescriptor> partitions = new ArrayList<>();
        for (IntermediateResult r : ev.getJobVertex().getProducedResults()) {
            partitions.add(new ResultPartitionDeploymentDescriptor(
                    new ResultPartitionID(r.getDataSet().getId(), index, execution.getAttemptId()), r.getDataSet(),
                    r.numberOfSubpartitions()));
        }
        List<InputGateDeploymentDescriptor> gates = new ArrayList<>();
        for (JobEdge edge : ev.getJobVertex().getJobVertex().getInputs()) {
            IntermediateResult r = graph.getResult(edge.source());
            List<InputChannelDescriptor> channels = new ArrayList<>();
            if (r.isPointwise()) {
                channels.add(channel(r.getPartitions().get(index)));
                gates.add(new InputGateDeploymentDescriptor(r.getDataSet().getId(), 0, channels));
            } else {
                for (IntermediateResultPartition p : r.getPartitions()) {
                    channels.add(channel(p));
                }
                gates.add(new InputGateDeploymentDescriptor(r.getDataSet().getId(), index, channels));
            }
        }
        return new TaskDeploymentDescriptor(jobGraph.jobId(), ev.getJobVertex().getJobVertex(), index,
                execution.getAttemptNumber(), execution.getAttemptId(), execution.getSlot().allocationId(), partitions,
                gates, jobGraph.runtimeMode(), jobGraph.configuration(), userCodeClassLoader, program);
    }

    private static InputChannelDescriptor channel(IntermediateResultPartition p) {
        Execution producer = p.getProducer().getCurrentExecution();
        return new InputChannelDescriptor(new ResultPartitionID(p.getResult().getDataSet().getId(),
                p.getPartitionIndex(), producer.getAttemptId()), producer.getSlot().taskManager(),
                producer.getSlot().dataAddress());
    }
}
