package io.weft.graph;

import io.weft.api.JobID;
import io.weft.streaming.partitioner.PartitionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chains a {@link StreamGraph} into a {@link JobGraph}: a forward edge between nodes of equal parallelism and
 * slot-sharing group, into a node with that single input, joins the two into one task; every other edge
 * becomes an intermediate data set.
 *
 * <p>Used once per job on the calling thread.
 */
public final class JobGraphGenerator {
    private final Map<StreamNode, JobVertex> vertexOf = new HashMap<>();

    /** Builds the job graph under a new job id. */
    public JobGraph generate(StreamGraph graph) {
        return generate(graph, JobID.generate());
    }

    public JobGraph generate(StreamGraph graph, JobID jobId) {
        List<JobVertex> vertices = new ArrayList<>();
        GraphIds ids = new GraphIds(graph);
        for (StreamNode node : graph.nodes()) {
            if (!isChainedIntoPredecessor(node)) {
                List<StreamNode> chain = collectChain(node);
                JobVertex v = new JobVertex(ids.vertexId(chain), chain);
                v.getChain().forEach(n -> vertexOf.put(n, v));
                vertices.add(v);
            }
        }
        for (JobVertex v : vertices) {
            for (StreamNode n : v.getChain()) {
                for (StreamEdge e : n.getOutEdges()) {
                    if (!isChainable(e)) {
                        IntermediateDataSet ds = new IntermediateDataSet(
                                ids.dataSetId(v.getId(), v.getProducedDataSets().size()), v, e);
                        v.getProducedDataSets().add(ds);
                        JobVertex target = vertexOf.get(e.target());
                        JobEdge edge = new JobEdge(ds, target);
                        ds.setConsumer(edge);
                        target.getInputs().add(edge);
                    }
                }
            }
        }
        return new JobGraph(jobId, graph.jobName(), List.copyOf(vertices), graph.runtimeMode(),
                graph.configuration());
    }

    /** Whether an edge joins its two nodes into one task. */
    public static boolean isChainable(StreamEdge e) {
        StreamNode up = e.source();
        StreamNode down = e.target();
        return e.partitionType() == PartitionType.FORWARD && up.getParallelism() == down.getParallelism()
                && up.getSlotSharingGroup().equals(down.getSlotSharingGroup()) && down.getInEdges().size() == 1
                && !down.isSource();
    }

    private static boolean isChainedIntoPredecessor(StreamNode node) {
        return node.getInEdges().size() == 1 && isChainable(node.getInEdges().get(0));
    }

    private static List<StreamNode> collectChain(StreamNode head) {
        Set<StreamNode> chain = new LinkedHashSet<>();
        List<StreamNode> stack = new ArrayList<>(List.of(head));
        while (!stack.isEmpty()) {
            StreamNode n = stack.remove(0);
            if (chain.add(n)) {
                for (StreamEdge e : n.getOutEdges()) {
                    if (isChainable(e)) {
                        stack.add(e.target());
                    }
                }
            }
        }
        return new ArrayList<>(chain);
    }
}
