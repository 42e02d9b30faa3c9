package io.weft.graph;

import io.weft.runtime.JobVertexID;
import java.util.ArrayList;
import java.util.List;

/**
 * A task of the {@link JobGraph}: a chain of stream nodes connected by forward edges at equal parallelism,
 * run by one thread per subtask. Built by {@link JobGraphGenerator}; read-only afterwards.
 */
public final class JobVertex {
    private final JobVertexID id;
    private final List<StreamNode> chain;
    private final String name;
    private final List<JobEdge> inputs = new ArrayList<>();
    private final List<IntermediateDataSet> produced = new ArrayList<>();

    JobVertex(JobVertexID id, List<StreamNode> chain) {
        this.id = id;
        this.chain = List.copyOf(chain);
        StringBuilder b = new StringBuilder();
        for (StreamNode n : chain) {
            b.append(b.length() == 0 ? "" : " -> ").append(n.getName());
        }
        this.name = b.toString();
    }

    public JobVertexID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** The chained nodes, head first, each after the nodes it reads from. */
    public List<StreamNode> getChain() {
        return chain;
    }

    public StreamNode getHead() {
        return chain.get(0);
    }

    public int getParallelism() {
        return getHead().getParallelism();
    }

    public int getMaxParallelism() {
        return getHead().getMaxParallelism();
    }

    public String getSlotSharingGroup() {
        return getHead().getSlotSharingGroup();
    }

    public boolean isSource() {
        return getHead().isSource();
    }

    /** Whether some node of the chain keeps keyed state (the task then needs a keyed state backend). */
    public boolean isKeyed() {
        return chain.stream().anyMatch(n -> n.getStateKeySelector() != null);
    }

    public List<JobEdge> getInputs() {
        return inputs;
    }

    public List<IntermediateDataSet> getProducedDataSets() {
        return produced;
    }

    @Override
    public String toString() {
        return name + " (" + id + ", parallelism " + getParallelism() + ")";
    }
}
