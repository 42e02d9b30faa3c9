package io.weft.graph;

import io.weft.api.connector.Source;
import io.weft.api.functions.KeySelector;
import io.weft.streaming.OperatorFactory;
import io.weft.types.TypeInformation;
import java.util.ArrayList;
import java.util.List;

/**
 * One operator of the {@link StreamGraph} with its resolved parallelism, max parallelism and slot-sharing
 * group. Immutable once the graph is built, except for its edge lists during construction.
 */
public final class StreamNode {
    private final int id;
    private final String name;
    private final String uid;
    private final int parallelism;
    private final int maxParallelism;
    private final String slotSharingGroup;
    private final OperatorFactory<?> operatorFactory;
    private final Source<?> source;
    private final KeySelector<?, ?> stateKeySelector;
    private final TypeInformation<?> outputType;
    private final List<StreamEdge> inEdges = new ArrayList<>();
    private final List<StreamEdge> outEdges = new ArrayList<>();

    StreamNode(Transformation<?> t, int parallelism, int maxParallelism, String slotSharingGroup,
            OperatorFactory<?> operatorFactory, Source<?> source, KeySelector<?, ?> stateKeySelector) {
        this.id = t.getId();
        this.name = t.getName();
        this.uid = t.getUid();
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.slotSharingGroup = slotSharingGroup;
        this.operatorFactory = operatorFactory;
        this.source = source;
        this.stateKeySelector = stateKeySelector;
        this.outputType = t.getOutputType();
    }

    /** A node added by the translation itself (not by the API), such as a pre-aggregating combiner. */
    StreamNode(int id, String name, TypeInformation<?> outputType, int parallelism, int maxParallelism,
            String slotSharingGroup, OperatorFactory<?> operatorFactory) {
        this.id = id;
        this.name = name;
        this.uid = null;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.slotSharingGroup = slotSharingGroup;
        this.operatorFactory = operatorFactory;
        this.source = null;
        this.stateKeySelector = null;
        this.outputType = outputType;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUid() {
        return uid;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    /** Creates the operator of one subtask attempt (the source operator for sources). */
    public OperatorFactory<?> getOperatorFactory() {
        return operatorFactory;
    }

    /** The source, for source nodes; null otherwise. */
    public Source<?> getSource() {
        return source;
    }

    public boolean isSource() {
        return source != null;
    }

    /** The key selector of keyed state, or null. */
    public KeySelector<?, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    /** The declared output type, or null for the dynamic serializer. */
    public TypeInformation<?> getOutputType() {
        return outputType;
    }

    public List<StreamEdge> getInEdges() {
        return inEdges;
    }

    public List<StreamEdge> getOutEdges() {
        return outEdges;
    }

    @Override
    public String toString() {
        return name + "#" + id + "(p=" + parallelism + ")";
    }
}
