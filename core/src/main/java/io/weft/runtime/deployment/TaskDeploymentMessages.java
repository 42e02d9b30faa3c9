package io.weft.runtime.deployment;

import io.weft.api.RuntimeExecutionMode;
import io.weft.config.Configuration;
import io.weft.graph.IntermediateDataSet;
import io.weft.graph.JobEdge;
import io.weft.graph.JobGraph;
import io.weft.graph.JobVertex;
import io.weft.runtime.HexIds;
import io.weft.runtime.JobVertexID;
import io.weft.runtime.messages.InputChannelDeployment;
import io.weft.runtime.messages.InputGateDeployment;
import io.weft.runtime.messages.PartitionDeployment;
import io.weft.runtime.messages.ProgramDescriptor;
import io.weft.runtime.messages.SubmitTask;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link TaskDeploymentDescriptor} into its wire form ({@link SubmitTask}) on the JobManager, and back on a
 * TaskManager, where the vertex and data sets come from the job graph re-created by running the job's program.
 * Stateless.
 */
public final class TaskDeploymentMessages {
    private TaskDeploymentMessages() {
    }

    /**
     * The wire form of a descriptor.
     *
     * @throws IllegalArgumentException when the job has no program (it was not submitted as a jar), so no other
     *     process can re-create its operators
     */
    public static SubmitTask toMessage(TaskDeploymentDescriptor tdd) {
        JobProgram program = tdd.program();
        if (program == null) {
            throw new IllegalArgumentException("Job " + tdd.jobId() + " was not submitted as a jar, so TaskManagers"
                    + " in other processes cannot load its code: submit it with 'weft run -t remote JOB.jar'");
        }
        List<PartitionDeployment> partitions = new ArrayList<>();
        for (ResultPartitionDeploymentDescriptor p : tdd.partitions()) {
            partitions.add(new PartitionDeployment(p.partitionId().dataSetId().toString(),
                    p.partitionId().partitionIndex(), p.numberOfSubpartitions()));
        }
        List<InputGateDeployment> gates = new ArrayList<>();
        for (InputGateDeploymentDescriptor g : tdd.inputGates()) {
            List<InputChannelDeployment> channels = new ArrayList<>();
            for (InputChannelDescriptor c : g.channels()) {
                InetSocketAddress address = c.producerDataAddress();
                channels.add(new InputChannelDeployment(c.partitionId().dataSetId().toString(),
                        c.partitionId().partitionIndex(), c.partitionId().producerId().toString(),
                        c.producerLocation().toString(), address == null ? null : address.getHostString(),
                        address == null ? 0 : address.getPort()));
            }
            gates.add(new InputGateDeployment(g.dataSetId().toString(), g.consumedSubpartitionIndex(), channels));
        }
        return new SubmitTask(tdd.jobId().toString(), new ProgramDescriptor(program.blobKey(), program.entryClass(),
                program.arguments(), program.configuration()), tdd.vertex().getId().toString(), tdd.subtaskIndex(),
                tdd.attemptNumber(), tdd.attemptId().toString(), tdd.allocationId().toString(), partitions, gates);
    }

    /** The program a deployment names. */
    public static JobProgram program(SubmitTask message) {
        ProgramDescriptor p = message.getProgram();
        return new JobProgram(p.getBlobKey(), p.getEntryClass(), p.getArguments(), p.getConfiguration());
    }

    /**
     * The descriptor of a deployment, its vertex taken from {@code graph} (the job re-created from its program).
     *
     * @throws IllegalArgumentException naming the id when the message is malformed or names a vertex or data set
     *     the graph does not have (the program defined a different job here than on the JobManager)
     */
    public static TaskDeploymentDescriptor fromMessage(SubmitTask message, JobGraph graph, ClassLoader userCode) {
        JobVertexID vertexId = HexIds.vertexId(message.getVertexId());
        JobVertex vertex = graph.vertices().stream().filter(v -> v.getId().equals(vertexId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The job's program defines no vertex " + vertexId
                        + " on this TaskManager: does the program build its job differently from run to run (random"
                        + " choices, the clock, the local file system)?"));
        List<ResultPartitionDeploymentDescriptor> partitions = new ArrayList<>();
        for (PartitionDeployment p : message.getPartitions()) {
            IntermediateDataSet ds = vertex.getProducedDataSets().stream()
                    .filter(d -> d.getId().toString().equals(p.getDataSetId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Vertex " + vertex.getName()
                            + " produces no data set " + p.getDataSetId()));
            partitions.add(new ResultPartitionDeploymentDescriptor(new ResultPartitionID(ds.getId(),
                    p.getPartitionIndex(), HexIds.attemptId(message.getAttemptId())), ds,
                    p.getNumberOfSubpartitions()));
        }
        List<InputGateDeploymentDescriptor> gates = new ArrayList<>();
        for (InputGateDeployment g : message.getInputGates()) {
            boolean known = vertex.getInputs().stream().map(JobEdge::source)
                    .anyMatch(s -> s.getId().toString().equals(g.getDataSetId()));
            if (!known) {
                throw new IllegalArgumentException("Vertex " + vertex.getName() + " reads no data set "
                        + g.getDataSetId());
            }
            List<InputChannelDescriptor> channels = new ArrayList<>();
            for (InputChannelDeployment c : g.getChannels()) {
                InetSocketAddress address = c.getProducerHost() == null ? null
                        : InetSocketAddress.createUnresolved(c.getProducerHost(), c.getProducerDataPort());
                channels.add(new InputChannelDescriptor(new ResultPartitionID(HexIds.dataSetId(c.getDataSetId()),
                        c.getPartitionIndex(), HexIds.attemptId(c.getProducerAttemptId())),
                        HexIds.resourceId(c.getProducerResourceId()), address));
            }
            gates.add(new InputGateDeploymentDescriptor(HexIds.dataSetId(g.getDataSetId()),
                    g.getConsumedSubpartitionIndex(), channels));
        }
        RuntimeExecutionMode mode = graph.runtimeMode();
        Configuration jobConfig = graph.configuration();
        return new TaskDeploymentDescriptor(HexIds.jobId(message.getJobId()), vertex, message.getSubtaskIndex(),
                message.getAttemptNumber(), HexIds.attemptId(message.getAttemptId()),
                HexIds.allocationId(message.getAllocationId()), partitions, gates, mode, jobConfig, userCode,
                program(message));
    }
}
