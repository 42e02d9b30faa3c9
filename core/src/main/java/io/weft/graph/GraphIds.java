package io.weft.graph;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.weft.runtime.IntermediateDataSetID;
import io.weft.runtime.JobVertexID;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the ids of job vertices and data sets from the structure of the program, so that running the same
 * program again — on a TaskManager re-creating the job from its jar — yields the same ids.
 *
 * <p>A vertex id hashes, for each chained node, its uid (or, without one, its name and position in the stream
 * graph), its parallelism and max parallelism, and the positions and partitioning of the head's inputs; a data set
 * id hashes its producer's id and its index. Used on one thread during translation.
 */
final class GraphIds {
    private final Map<StreamNode, Integer> positions = new HashMap<>();

    GraphIds(StreamGraph graph) {
        for (int i = 0; i < graph.nodes().size(); i++) {
            positions.put(graph.nodes().get(i), i);
        }
    }

    JobVertexID vertexId(List<StreamNode> chain) {
        Hasher h = Hashing.murmur3_128().newHasher();
        for (StreamNode n : chain) {
            if (n.getUid() != null) {
                h.putString("uid:" + n.getUid(), StandardCharsets.UTF_8);
            } else {
                h.putString(n.getName(), StandardCharsets.UTF_8).putInt(positions.get(n));
            }
            h.putInt(n.getParallelism()).putInt(n.getMaxParallelism());
        }
        for (StreamEdge e : chain.get(0).getInEdges()) {
            h.putInt(positions.get(e.source())).putString(e.partitionType().name(), StandardCharsets.UTF_8);
        }
        ByteBuffer b = ByteBuffer.wrap(h.hash().asBytes());
        return new JobVertexID(b.getLong(), b.getLong());
    }

    IntermediateDataSetID dataSetId(JobVertexID producer, int index) {
        ByteBuffer b = ByteBuffer.wrap(Hashing.murmur3_128().newHasher().putLong(producer.upper())
                .putLong(producer.lower()).putInt(index).hash().asBytes());
        return new IntermediateDataSetID(b.getLong(), b.getLong());
    }
}
