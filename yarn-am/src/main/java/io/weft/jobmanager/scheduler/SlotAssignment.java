package io.weft.jobmanager.scheduler;

import io.weft.graph.JobGraph;
import io.weft.graph.JobVertex;
import io.weft.runtime.SlotOffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places subtasks into slots with slot sharing: each slot-sharing group gets as many slots as its most parallel
 * vertex, and slot i of a group hosts subtask i of every vertex in the group — so Source→Map at parallelism 4
 * and Reduce at 3 share 4 slots.
 *
 * <p>Immutable once built; computed on the JobMaster main thread.
 */
public final class SlotAssignment {
    private final Map<String, Integer> groupOffset = new LinkedHashMap<>();
    private final List<SlotOffer> slots;

    /**
     * @throws IllegalArgumentException when fewer slots are offered than the job graph needs
     */
    public SlotAssignment(JobGraph graph, List<SlotOffer> slots) {
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        for (JobVertex v : graph.vertices()) {
            perGroup.merge(v.getSlotSharingGroup(), v.getParallelism(), Math::max);
        }
        int offset = 0;
        for (Map.Entry<String, Integer> e : perGroup.entrySet()) {
            groupOffset.put(e.getKey(), offset);
            offset += e.getValue();
        }
        if (slots.size() < offset) {
            throw new IllegalArgumentException("Job " + graph.jobId() + " needs " + offset + " slots but got "
                    + slots.size());
        }
        this.slots = List.copyOf(slots);
    }

    /** The slot of subtask {@code subtaskIndex} of {@code vertex}. */
    public SlotOffer slotFor(JobVertex vertex, int subtaskIndex) {
        return slots.get(groupOffset.get(vertex.getSlotSharingGroup()) + subtaskIndex);
    }
}
