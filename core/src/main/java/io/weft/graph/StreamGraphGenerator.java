package io.weft.graph;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.connector.Boundedness;
import io.weft.api.execution.FunctionCopier;
import io.weft.api.functions.KeySelector;
import io.weft.api.functions.ReduceFunction;
import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import io.weft.config.IllegalConfigurationException;
import io.weft.streaming.OperatorFactory;
import io.weft.streaming.operators.LocalCombineOperator;
import io.weft.streaming.operators.SourceOperator;
import io.weft.streaming.partitioner.PartitionType;
import io.weft.api.tuple.Tuple2;
import io.weft.types.DynamicSerializer;
import io.weft.types.TupleSerializer;
import io.weft.types.TypeInformation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the API's transformations into a {@link StreamGraph}: resolves default parallelism, max
 * parallelism, slot-sharing groups and the runtime mode, and turns partitionings and unions into edges.
 *
 * <p>Used once per {@code execute()} on the calling thread.
 */
public final class StreamGraphGenerator {
    private static final String DEFAULT_GROUP = "default";
    /** The key of a {@code (key, partial value)} pair sent by a combiner. */
    private static final KeySelector<Tuple2<Object, Object>, Object> PARTIAL_KEY = pair -> pair.f0;
    private final Configuration config;
    private RuntimeExecutionMode mode;
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
        mode = resolveMode(transformations);
        for (Transformation<?> t : transformations) {
            transform(t);
        }
        return new StreamGraph(jobName, List.copyOf(ordered), mode, config);
    }

    private RuntimeExecutionMode resolveMode(List<Transformation<?>> transformations) {
        RuntimeExecutionMode configured = config.get(CoreOptions.RUNTIME_MODE);
        boolean allBounded = true;
        List<Transformation<?>> todo = new ArrayList<>(transformations);
        Set<Transformation<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Transformation<?> t = todo.remove(todo.size() - 1);
            if (!seen.add(t)) {
                continue;
            }
            todo.addAll(t.getInputs());
            if (t instanceof SourceTransformation<?> s && s.getSource().getBoundedness() != Boundedness.BOUNDED) {
                allBounded = false;
                if (configured == RuntimeExecutionMode.BATCH) {
                    throw new IllegalConfigurationException("Source '" + t.getName() + "' is unbounded but "
                            + "execution.runtime-mode is batch: use streaming or automatic");
                }
            }
        }
        if (configured == RuntimeExecutionMode.AUTOMATIC) {
            return allBounded ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING;
        }
        return configured;
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
        OperatorFactory<?> factory = null;
        if (mode == RuntimeExecutionMode.BATCH && t instanceof OneInputTransformation<?, ?> o
                && o.getCombineFunction() != null && inputs.size() == 1
                && inputs.get(0).type == PartitionType.HASH) {
            inputs.set(0, insertCombiner(o, inputs.get(0)));
            factory = o.getPartialsOperatorFactory();
        }
        int parallelism = t.getParallelism() > 0 ? t.getParallelism() : config.get(CoreOptions.DEFAULT_PARALLELISM);
        // a max parallelism the user chose is kept (and checked below); the default grows with the parallelism
        int maxParallelism = t.getMaxParallelism() > 0 ? t.getMaxParallelism()
                : config.contains(CoreOptions.MAX_PARALLELISM) ? config.get(CoreOptions.MAX_PARALLELISM)
                : Math.max(CoreOptions.MAX_PARALLELISM.defaultValue(), parallelism);
        if (parallelism > CoreOptions.UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalConfigurationException("Parallelism " + parallelism + " of '" + t.getName()
                    + "' is above the largest max parallelism, " + CoreOptions.UPPER_BOUND_MAX_PARALLELISM
                    + ": use a parallelism of at most " + CoreOptions.UPPER_BOUND_MAX_PARALLELISM);
        }
        if (parallelism > maxParallelism) {
            throw new IllegalConfigurationException("Parallelism " + parallelism + " of '" + t.getName()
                    + "' exceeds its max parallelism " + maxParallelism + ": raise setMaxParallelism(...)");
        }
        StreamNode node = createNode(t, parallelism, maxParallelism, slotSharingGroup(t, inputs), factory);
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

    private StreamNode createNode(Transformation<?> t, int parallelism, int maxParallelism, String group,
            OperatorFactory<?> factoryOverride) {
        if (t instanceof SourceTransformation<?> s) {
            return new StreamNode(t, parallelism, maxParallelism, group, sourceFactory(s), s.getSource(), null);
        }
        if (t instanceof OneInputTransformation<?, ?> o) {
            return new StreamNode(t, parallelism, maxParallelism, group,
                    factoryOverride != null ? factoryOverride : o.getOperatorFactory(), null, o.getStateKeySelector());
        }
        throw new IllegalStateException("No translation for " + t);
    }

    /** Adds a pre-aggregating node chained to the producer of a keyed reduce's input (BATCH mode only). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Input insertCombiner(OneInputTransformation<?, ?> reduce, Input in) {
        ReduceFunction fn = reduce.getCombineFunction();
        KeySelector keys = in.keySelector;
        OperatorFactory<Object> factory = () -> new LocalCombineOperator<>(FunctionCopier.copy(fn), keys);
        TypeInformation valueType = in.node.getOutputType();
        TypeInformation<Tuple2<Object, Object>> pairType = cl -> TupleSerializer.of(new DynamicSerializer(cl),
                valueType == null ? new DynamicSerializer(cl) : valueType.createSerializer(cl));
        StreamNode node = new StreamNode(Transformation.newId(), "Combine (" + reduce.getName() + ")", pairType,
                in.node.getParallelism(), in.node.getMaxParallelism(), in.node.getSlotSharingGroup(), factory);
        StreamEdge edge = new StreamEdge(in.node, node, PartitionType.FORWARD, null);
        in.node.getOutEdges().add(edge);
        node.getInEdges().add(edge);
        ordered.add(node);
        return new Input(node, in.type, PARTIAL_KEY);
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
