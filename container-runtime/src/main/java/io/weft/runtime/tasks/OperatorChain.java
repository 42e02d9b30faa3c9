package io.weft.runtime.tasks;

import io.weft.graph.IntermediateDataSet;
import io.weft.graph.JobGraphGenerator;
import io.weft.graph.StreamEdge;
import io.weft.graph.StreamNode;
import io.weft.runtime.deployment.TaskDeploymentDescriptor;
import io.weft.runtime.network.RecordWriter;
import io.weft.runtime.state.HeapKeyedStateBackend;
import io.weft.streaming.OneInputStreamOperator;
import io.weft.streaming.Output;
import io.weft.streaming.ProcessingTimeService;
import io.weft.streaming.StreamOperator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators of one task, wired together: chained edges call the next operator directly, network edges go
 * to record writers. Operators are created fresh from their factories for every attempt.
 *
 * <p>Task thread only. Open order is tail first (so an operator's downstream is open before it emits); finish
 * order is head first (so buffered output of an upstream operator reaches its downstream before that one
 * finishes); close covers every operator even when one fails.
 */
final class OperatorChain {
    private final List<StreamNode> nodes;
    private final Map<StreamNode, StreamOperator<?>> operators = new HashMap<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorChain(TaskDeploymentDescriptor tdd, List<RecordWriter<Object>> writers, TaskCounters counters,
            ProcessingTimeService clock) {
        this.nodes = tdd.vertex().getChain();
        List<IntermediateDataSet> produced = tdd.vertex().getProducedDataSets();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            StreamNode node = nodes.get(i);
            List<Output<Object>> outputs = new ArrayList<>();
            for (StreamEdge e : node.getOutEdges()) {
                if (JobGraphGenerator.isChainable(e)) {
                    outputs.add(new ChainingOutput<>((OneInputStreamOperator<Object, ?>) operators.get(e.target())));
                } else {
                    outputs.add(new RecordWriterOutput<>(writers.get(indexOf(produced, e)), counters));
                }
            }
            Output<Object> output = outputs.size() == 1 ? outputs.get(0)
                    : outputs.isEmpty() ? record -> { } : new BroadcastingOutput<>(outputs);
            HeapKeyedStateBackend keyed = node.getStateKeySelector() == null ? null
                    : new HeapKeyedStateBackend(node.getMaxParallelism(), node.getParallelism(), tdd.subtaskIndex(),
                            node.getName() + " in " + tdd.taskName());
            StreamOperator op = node.getOperatorFactory().create();
            op.setup(new TaskOperatorContext(tdd, node.getName(), keyed, clock), output);
            operators.put(node, op);
        }
    }

    private static int indexOf(List<IntermediateDataSet> produced, StreamEdge e) {
        for (int i = 0; i < produced.size(); i++) {
            if (produced.get(i).getStreamEdge() == e) {
                return i;
            }
        }
        throw new IllegalStateException("No data set for edge " + e);
    }

    StreamOperator<?> head() {
        return operators.get(nodes.get(0));
    }

    void open() throws Exception {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            operators.get(nodes.get(i)).open();
        }
    }

    void finish() throws Exception {
        for (StreamNode n : nodes) {
            operators.get(n).finish();
        }
    }

    /** Closes every operator; the first failure is thrown after all were closed. */
    void close() throws Exception {
        Exception first = null;
        for (StreamNode n : nodes) {
            StreamOperator<?> op = operators.get(n);
            try {
                op.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
