package io.weft.api.datastream;

import io.weft.api.connector.Sink;
import io.weft.api.execution.FunctionCopier;
import io.weft.api.functions.FilterFunction;
import io.weft.api.functions.FlatMapFunction;
import io.weft.api.functions.KeySelector;
import io.weft.api.functions.MapFunction;
import io.weft.graph.OneInputTransformation;
import io.weft.graph.PartitionTransformation;
import io.weft.graph.Transformation;
import io.weft.graph.UnionTransformation;
import io.weft.streaming.OperatorFactory;
import io.weft.streaming.operators.StreamFilter;
import io.weft.streaming.operators.StreamFlatMap;
import io.weft.streaming.operators.StreamMap;
import io.weft.streaming.operators.StreamSink;
import io.weft.streaming.partitioner.PartitionType;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of records of type T, and the operations that derive new streams from it. Each operation records a
 * transformation in the environment; nothing runs until {@code execute()}.
 *
 * <p>User functions are copied for every parallel subtask (see {@link FunctionCopier}). Not thread-safe.
 */
public class DataStream<T> {
    protected final StreamExecutionEnvironment environment;
    protected final Transformation<T> transformation;

    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public Transformation<T> getTransformation() {
        return transformation;
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return transform("Map", () -> new StreamMap<>(FunctionCopier.copy(mapper)));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return transform("Flat Map", () -> new StreamFlatMap<>(FunctionCopier.copy(flatMapper)));
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", () -> new StreamFilter<>(FunctionCopier.copy(filter)));
    }

    /** Partitions the stream by key: records with equal keys go to the same subtask, which may keep keyed state. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        return new KeyedStream<>(environment, new PartitionTransformation<>(transformation, PartitionType.HASH,
                keySelector), keySelector);
    }

    /** Distributes records round-robin over the next operator's subtasks. */
    public DataStream<T> rebalance() {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, PartitionType.REBALANCE,
                null));
    }

    /** Sends every record to every subtask of the next operator. */
    public DataStream<T> broadcast() {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, PartitionType.BROADCAST,
                null));
    }

    /** Merges this stream with others of the same type. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation<T>> all = new ArrayList<>();
        all.add(transformation);
        for (DataStream<T> o : others) {
            if (o.environment != environment) {
                throw new IllegalArgumentException("Cannot union streams of different execution environments");
            }
            all.add(o.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation<>(all));
    }

    /** Writes the stream to a sink. */
    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        OneInputTransformation<T, Object> t = new OneInputTransformation<>(transformation, "Sink",
                () -> new StreamSink<>(sink), null);
        t.setSink(sink);
        environment.addTransformation(t);
        return new DataStreamSink<>(t);
    }

    /** Applies a custom operator; {@code factory} creates one operator per subtask attempt. */
    public <R> SingleOutputStreamOperator<R> transform(String name, OperatorFactory<R> factory) {
        OneInputTransformation<T, R> t = new OneInputTransformation<>(transformation, name, factory, null);
        environment.addTransformation(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
