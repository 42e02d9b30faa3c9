package io.weft.graph;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.connector.Boundedness;
import io.weft.api.functions.KeySelector;
import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import io.weft.config.IllegalConfigurationException;
import io.weft.streaming.OperatorFactory;
import io.weft.streaming.operators.SourceOperator;
import io.weft.streaming.partitioner.PartitionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates the API's transformations into a {@link StreamGraph}: resolves default parallelism, max
 * parallelism, slot-sharing groups and the runtime mode, and turns partitionings and unions into edges.
 *
 * <p>Used once per {@code execute()} on the calling thread.
 */
public final class StreamGraphGenerator {
    private static final String DEFAULT_GROUP = "default";
    private final Configuration config;
    private final Map<Transformation<?>, StreamNode> physical = new LinkedHashMap<>();
    private final List<StreamNode> ordered = new ArrayList<>();

    public StreamGraphGenerator(Configuration config) {
        this.config = config;
    }

    /**
     * Builds the graph.
     *
     * @throws IllegalConfigurationException for an empty program, BATCH with an unbounded source, or a
     *     parallelism above the max parallelism
     */
    public StreamGraph generate(String jobName, List<Transformation<?>> transformations) {
        if (transformations.isEmpty()) {
            throw new IllegalConfigurationException("The program defines no operators: add a source and a sink"
                    + " before calling execute()");
        }
        for (Transformation<?> t : transformations) {
            transform(t);
        }
        RuntimeExecutionMode mode = resolveMode();
        return new StreamGraph(jobName, List.copyOf(ordered), mode, config);
    }

    private RuntimeExecutionMode resolveMode() {
        RuntimeExecutionMode mode = config.get(CoreOptions.RUNTIME_MODE);
        boolean allBounded = true;
        for (StreamNode n : ordered) {
            if (n.isSource() && n.getSource().getBoundedness() != Boundedness.BOUNDED) {
                allBounded = false;
                if (mode == RuntimeExecutionMode.BATCH) {
                    throw new IllegalConfigurationException("Source '" + n.getName() + "' is unbounded but "
                            + "execution.runtime-mode is batch: use streaming or automatic");
                }
            }
        }
        if (mode == RuntimeExecutionMode.AUTOMATIC) {
            return allBounded ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING;
        }
        return mode;
    }

    private void transform(Transformation<?> t) {
        if (physical.containsKey(t) || t instanceof PartitionTransformation || t instanceof UnionTransformation) {
            for (Transformation<?> in : t.getInputs()) {
                transform(in);
            }
            return;
        }
        for (Transformation<?> in : t.getInputs()) {
            transform(in);
        }
        List<Input> inputs = new ArrayList<>();
        for (Transformation<?> in : t.getInputs()) {
            resolveInputs(in, null, null, inputs);
        }
        int parallelism = t.getParallelism() > 0 ? t.getParallelism() : config.get(CoreOptions.DEFAULT_PARALLELISM);
        int maxParallelism = t.getMaxParallelism() > 0 ? t.getMaxParallelism()
                : Math.max(config.get(CoreOptions.MAX_PARALLELISM), parallelism);
        if (parallelism > maxParallelism) {
            throw new IllegalConfigurationException("Parallelism " + parallelism + " of '" + t.getName()
                    + "' exceeds its max parallelism " + maxParallelism + ": raise setMaxParallelism(...)");
        }
        StreamNode node = createNode(t, parallelism, maxParallelism, slotSharingGroup(t, inputs));
        for (Input in : inputs) {
            PartitionType type = in.type;
            if (type == null) {
                type = in.node.getParallelism() == parallelism ? PartitionType.FORWARD : PartitionType.REBALANCE;
            } else if (type == PartitionType.FORWARD && in.node.getParallelism() != parallelism) {
                throw new IllegalConfigurationException("Forward edge from '" + in.node.getName() + "' (parallelism "
                        + in.node.getParallelism() + ") to '" + t.getName() + "' (parallelism " + parallelism
                        + ") needs equal parallelism: use rebalance()");
            }
            StreamEdge edge = new StreamEdge(in.node, node, type, in.keySelector);
            in.node.getOutEdges().add(edge);
            node.getInEdges().add(edge);
        }
        physical.put(t, node);
        ordered.add(node);
    }

    private StreamNode createNode(Transformation<?> t, int parallelism, int maxParallelism, String group) {
        if (t instanceof SourceTransformation<?> s) {
            return new StreamNode(t, parallelism, maxParallelism, group, sourceFactory(s), s.getSource(), null);
        }
        if (t instanceof OneInputTransformation<?, ?> o) {
            return new StreamNode(t, parallelism, maxParallelism, group, o.getOperatorFactory(), null,
                    o.getStateKeySelector());
        }
        throw new IllegalStateException("No translation for " + t);
    }

    private static <T> OperatorFactory<T> sourceFactory(SourceTransformation<T> s) {
        return () -> new SourceOperator<>(s.getSource());
    }

    private String slotSharingGroup(Transformation<?> t, List<Input> inputs) {
        if (t.getSlotSharingGroup() != null) {
            return t.getSlotSharingGroup();
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Input in : inputs) {
            seen.merge(in.node.getSlotSharingGroup(), 1, Integer::sum);
        }
        return seen.size() == 1 ? seen.keySet().iterator().next() : DEFAULT_GROUP;
    }

    private void resolveInputs(Transformation<?> t, PartitionType type, KeySelector<?, ?> keys, List<Input> out) {
        if (t instanceof PartitionTransformation<?> p) {
            resolveInputs(p.getInputs().get(0), p.getType(), p.getKeySelector(), out);
        } else if (t instanceof UnionTransformation<?> u) {
            for (Transformation<?> in : u.getInputs()) {
                resolveInputs(in, type, keys, out);
            }
        } else {
            out.add(new Input(physical.get(t), type, keys));
        }
    }

    private record Input(StreamNode node, PartitionType type, KeySelector<?, ?> keySelector) {
    }
}
