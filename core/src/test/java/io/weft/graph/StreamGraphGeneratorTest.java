package io.weft.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.connector.DiscardingSink;
import io.weft.api.RuntimeExecutionMode;
import io.weft.api.datastream.DataStream;
import io.weft.api.datastream.SingleOutputStreamOperator;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.api.functions.KeySelector;
import io.weft.api.tuple.Tuple2;
import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import io.weft.config.IllegalConfigurationException;
import io.weft.streaming.partitioner.PartitionType;
import io.weft.types.Types;
import org.junit.jupiter.api.Test;

class StreamGraphGeneratorTest {
    private final StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());

    private static StreamNode node(StreamGraph g, String name) {
        return g.nodes().stream().filter(n -> n.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name + " in " + g.nodes()));
    }

    @Test
    void seedPipelineYieldsFourNodesInTopologicalOrderWithTheirParallelism() {
        KeySelector<Integer, Integer> byParity = x -> x % 2;
        env.fromData(1, 2, 3, 4).setParallelism(4)
                .map(x -> x * 10).setParallelism(4)
                .keyBy(byParity)
                .reduce(Integer::sum).setParallelism(3)
                .sinkTo(new DiscardingSink<>()).setParallelism(3);
        StreamGraph g = env.getStreamGraph("seed");

        assertThat(g.jobName()).isEqualTo("seed");
        assertThat(g.nodes()).extracting(StreamNode::getName)
                .containsExactly("Collection Source", "Map", "Keyed Reduce", "Sink");
        assertThat(g.nodes()).extracting(StreamNode::getParallelism).containsExactly(4, 4, 3, 3);
        assertThat(g.nodes()).extracting(StreamNode::getMaxParallelism).containsOnly(128);
        assertThat(g.nodes()).extracting(StreamNode::isSource).containsExactly(true, false, false, false);

        StreamNode source = g.nodes().get(0);
        StreamNode map = g.nodes().get(1);
        StreamNode reduce = g.nodes().get(2);
        StreamNode sink = g.nodes().get(3);
        assertThat(source.getInEdges()).isEmpty();
        assertThat(source.getOutEdges()).singleElement()
                .satisfies(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.FORWARD))
                .satisfies(e -> assertThat(e.target()).isSameAs(map));
        assertThat(map.getOutEdges()).singleElement()
                .satisfies(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.HASH))
                .satisfies(e -> assertThat(e.keySelector()).isSameAs(byParity))
                .satisfies(e -> assertThat(e.target()).isSameAs(reduce));
        assertThat(reduce.getOutEdges()).singleElement()
                .satisfies(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.FORWARD))
                .satisfies(e -> assertThat(e.target()).isSameAs(sink));
        assertThat(sink.getOutEdges()).isEmpty();
        assertThat(reduce.getInEdges()).isEqualTo(map.getOutEdges());
    }

    @Test
    void batchKeyedReduceIsPreAggregatedPerKeyBeforeTheShuffle() throws Exception {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        KeySelector<Integer, Integer> byParity = x -> x % 2;
        env.fromData(1, 2, 3).setParallelism(2).keyBy(byParity).reduce(Integer::sum).setParallelism(3)
                .sinkTo(new DiscardingSink<>()).setParallelism(3);
        StreamGraph g = env.getStreamGraph("combined");
        assertThat(g.nodes()).extracting(StreamNode::getName)
                .containsExactly("Collection Source", "Combine (Keyed Reduce)", "Keyed Reduce", "Sink");
        StreamNode combine = node(g, "Combine (Keyed Reduce)");
        assertThat(combine.getParallelism()).as("runs beside its input").isEqualTo(2);
        assertThat(combine.getInEdges()).singleElement()
                .satisfies(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.FORWARD));
        StreamEdge shuffle = combine.getOutEdges().get(0);
        assertThat(shuffle.partitionType()).isEqualTo(PartitionType.HASH);
        assertThat(shuffle.target().getName()).isEqualTo("Keyed Reduce");
        // partial results travel as (key, value) pairs, partitioned by the key they carry
        @SuppressWarnings("unchecked")
        KeySelector<Tuple2<Object, Object>, Object> pairKey =
                (KeySelector<Tuple2<Object, Object>, Object>) shuffle.keySelector();
        assertThat(pairKey.getKey(Tuple2.of(1, 99))).isEqualTo(1);
        assertThat(node(g, "Keyed Reduce").getInEdges()).containsExactly(shuffle);
    }

    @Test
    void batchFieldAggregationIsCombinedToo() {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromData(Tuple2.of("a", 1), Tuple2.of("b", 2)).keyBy(t -> t.f0).sum(1).sinkTo(new DiscardingSink<>());
        assertThat(env.getStreamGraph("sum").nodes()).extracting(StreamNode::getName)
                .containsExactly("Collection Source", "Combine (Sum)", "Sum", "Sink");
    }

    @Test
    void streamingKeyedReduceIsNotCombined() {
        env.fromData(1, 2, 3).keyBy(x -> x % 2).reduce(Integer::sum).sinkTo(new DiscardingSink<>());
        assertThat(env.getStreamGraph("streaming").nodes()).extracting(StreamNode::getName)
                .containsExactly("Collection Source", "Keyed Reduce", "Sink");
    }

    @Test
    void onlyTheKeyedOperatorHasAStateKeySelector() {
        KeySelector<Integer, Integer> identity = x -> x;
        env.fromData(1, 2).map(x -> x).keyBy(identity).reduce(Integer::sum).sinkTo(new DiscardingSink<>());
        StreamGraph g = env.getStreamGraph("keyed");
        assertThat(node(g, "Keyed Reduce").getStateKeySelector()).isSameAs(identity);
        assertThat(node(g, "Map").getStateKeySelector()).isNull();
        assertThat(node(g, "Sink").getStateKeySelector()).isNull();
        assertThat(node(g, "Collection Source").getSource()).isNotNull();
        assertThat(node(g, "Map").getSource()).isNull();
    }

    @Test
    void operatorsWithoutParallelismTakeTheEnvironmentDefault() {
        env.setParallelism(3);
        env.fromData("a").map(String::length).sinkTo(new DiscardingSink<>());
        StreamGraph g = env.getStreamGraph("defaults");
        assertThat(node(g, "Collection Source").getParallelism()).isEqualTo(1);
        assertThat(node(g, "Map").getParallelism()).isEqualTo(3);
        assertThat(node(g, "Sink").getParallelism()).isEqualTo(3);
        // differing parallelism without an explicit partitioning distributes round-robin
        assertThat(node(g, "Map").getInEdges().get(0).partitionType()).isEqualTo(PartitionType.REBALANCE);
        assertThat(node(g, "Sink").getInEdges().get(0).partitionType()).isEqualTo(PartitionType.FORWARD);
    }

    @Test
    void defaultParallelismComesFromTheConfiguration() {
        StreamExecutionEnvironment configured = new StreamExecutionEnvironment(
                new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 5));
        configured.fromData(1).map(x -> x).sinkTo(new DiscardingSink<>());
        assertThat(node(configured.getStreamGraph("c"), "Map").getParallelism()).isEqualTo(5);
    }

    @Test
    void rebalanceAndBroadcastBecomeEdgesOfTheirKind() {
        DataStream<Integer> source = env.fromData(1, 2);
        source.rebalance().map(x -> x).name("rebalanced").sinkTo(new DiscardingSink<>());
        source.broadcast().map(x -> x).name("broadcast").sinkTo(new DiscardingSink<>());
        StreamGraph g = env.getStreamGraph("partitionings");
        assertThat(node(g, "rebalanced").getInEdges()).singleElement()
                .satisfies(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.REBALANCE));
        assertThat(node(g, "broadcast").getInEdges()).singleElement()
                .satisfies(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.BROADCAST));
        assertThat(node(g, "Collection Source").getOutEdges()).hasSize(2);
    }

    @Test
    void unionFeedsOneNodeWithAnEdgeFromEachInput() {
        DataStream<String> a = env.fromData("a").name("A");
        DataStream<String> b = env.fromData("b").name("B");
        a.union(b).map(String::toUpperCase).sinkTo(new DiscardingSink<>());
        StreamGraph g = env.getStreamGraph("union");
        assertThat(g.nodes()).extracting(StreamNode::getName).containsExactly("A", "B", "Map", "Sink");
        assertThat(node(g, "Map").getInEdges()).extracting(e -> e.source().getName()).containsExactly("A", "B");
        assertThat(node(g, "Map").getInEdges()).extracting(StreamEdge::partitionType)
                .containsOnly(PartitionType.FORWARD);
    }

    @Test
    void keyByAfterUnionPartitionsEveryInputByKey() {
        KeySelector<String, String> key = s -> s;
        env.fromData("a").union(env.fromData("b")).keyBy(key).reduce((x, y) -> x + y).sinkTo(new DiscardingSink<>());
        StreamGraph g = env.getStreamGraph("union-keyed");
        assertThat(node(g, "Keyed Reduce").getInEdges()).hasSize(2)
                .allSatisfy(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.HASH))
                .allSatisfy(e -> assertThat(e.keySelector()).isSameAs(key));
    }

    @Test
    void explicitMaxParallelismIsKept() {
        env.fromData(1).map(x -> x).setParallelism(2).setMaxParallelism(16).sinkTo(new DiscardingSink<>());
        StreamGraph g = env.getStreamGraph("max");
        assertThat(node(g, "Map").getMaxParallelism()).isEqualTo(16);
        assertThat(node(g, "Sink").getMaxParallelism()).isEqualTo(128);
    }

    @Test
    void environmentMaxParallelismIsTheDefaultOfEveryOperator() {
        env.setMaxParallelism(64);
        env.fromData(1).map(x -> x).setParallelism(4).sinkTo(new DiscardingSink<>());
        assertThat(env.getStreamGraph("max").nodes()).extracting(StreamNode::getMaxParallelism).containsOnly(64);
    }

    @Test
    void parallelismAboveTheOperatorsMaxParallelismIsRejected() {
        env.fromData(1).map(x -> x).name("wide").setParallelism(8).setMaxParallelism(4)
                .sinkTo(new DiscardingSink<>());
        assertThatThrownBy(() -> env.getStreamGraph("too-wide"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'wide'")
                .hasMessageContaining("8")
                .hasMessageContaining("4");
    }

    @Test
    void parallelismAboveTheConfiguredMaxParallelismIsRejected() {
        env.setMaxParallelism(4);
        env.fromData(1).map(x -> x).name("wide").setParallelism(8).sinkTo(new DiscardingSink<>());
        assertThatThrownBy(() -> env.getStreamGraph("too-wide"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'wide'");
    }

    @Test
    void zeroOrNegativeParallelismIsRejectedAtOnce() {
        SingleOutputStreamOperator<Integer> map = env.fromData(1).map(x -> x).name("m");
        assertThatThrownBy(() -> map.setParallelism(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'m'").hasMessageContaining("0");
        assertThatThrownBy(() -> map.setParallelism(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.sinkTo(new DiscardingSink<>()).setParallelism(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> env.setParallelism(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(env.getParallelism()).isEqualTo(1);
    }

    @Test
    void maxParallelismOutsideOneTo32768IsRejectedAtOnce() {
        SingleOutputStreamOperator<Integer> map = env.fromData(1).map(x -> x);
        assertThatThrownBy(() -> map.setMaxParallelism(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.setMaxParallelism(32769)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> env.setMaxParallelism(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> env.setMaxParallelism(32769)).isInstanceOf(IllegalArgumentException.class);
        map.setMaxParallelism(32768);
        assertThat(map.getTransformation().getMaxParallelism()).isEqualTo(32768);
    }

    @Test
    void forwardEdgeBetweenDifferentParallelismsIsRejected() {
        SingleOutputStreamOperator<Integer> up = env.fromData(1).map(x -> x).name("up").setParallelism(2);
        DataStream<Integer> forwarded = new DataStream<>(env,
                new PartitionTransformation<>(up.getTransformation(), PartitionType.FORWARD, null));
        forwarded.map(x -> x).name("down").setParallelism(3).sinkTo(new DiscardingSink<>());
        assertThatThrownBy(() -> env.getStreamGraph("forward"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'up'")
                .hasMessageContaining("'down'")
                .hasMessageContaining("rebalance()");
    }

    @Test
    void runtimeModeDefaultsToStreaming() {
        env.fromData(1).sinkTo(new DiscardingSink<>());
        assertThat(env.getStreamGraph("j").runtimeMode()).isEqualTo(RuntimeExecutionMode.STREAMING);
    }

    @Test
    void automaticModeResolvesToBatchWhenEverySourceIsBounded() {
        env.setRuntimeMode(RuntimeExecutionMode.AUTOMATIC);
        env.fromData(1).union(env.fromData(2)).sinkTo(new DiscardingSink<>());
        assertThat(env.getStreamGraph("j").runtimeMode()).isEqualTo(RuntimeExecutionMode.BATCH);
    }

    @Test
    void automaticModeResolvesToStreamingWhenASourceIsUnbounded() {
        env.setRuntimeMode(RuntimeExecutionMode.AUTOMATIC);
        env.fromData(1).union(env.fromSource(new UnboundedSource<Integer>(), "endless"))
                .sinkTo(new DiscardingSink<>());
        assertThat(env.getStreamGraph("j").runtimeMode()).isEqualTo(RuntimeExecutionMode.STREAMING);
    }

    @Test
    void automaticModeCanBeSetThroughTheConfiguration() {
        StreamExecutionEnvironment configured = new StreamExecutionEnvironment(
                new Configuration().setString("execution.runtime-mode", "automatic"));
        configured.fromData(1).sinkTo(new DiscardingSink<>());
        assertThat(configured.getStreamGraph("j").runtimeMode()).isEqualTo(RuntimeExecutionMode.BATCH);
    }

    @Test
    void batchModeWithAnUnboundedSourceIsRejectedNamingTheSourceAndTheOption() {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromSource(new UnboundedSource<String>(), "endless").sinkTo(new DiscardingSink<>());
        assertThatThrownBy(() -> env.getStreamGraph("j"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'endless'")
                .hasMessageContaining("execution.runtime-mode");
    }

    @Test
    void batchModeWithBoundedSourcesStaysBatchAndStreamingAcceptsUnboundedSources() {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromData(1).sinkTo(new DiscardingSink<>());
        assertThat(env.getStreamGraph("j").runtimeMode()).isEqualTo(RuntimeExecutionMode.BATCH);

        StreamExecutionEnvironment streaming = new StreamExecutionEnvironment(new Configuration());
        streaming.fromSource(new UnboundedSource<String>(), "endless").sinkTo(new DiscardingSink<>());
        assertThat(streaming.getStreamGraph("j").runtimeMode()).isEqualTo(RuntimeExecutionMode.STREAMING);
    }

    @Test
    void emptyProgramIsRejected() {
        assertThatThrownBy(() -> env.getStreamGraph("empty"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("no operators");
    }

    @Test
    void slotSharingGroupIsInheritedDownstreamUnlessSet() {
        env.fromData(1).map(x -> x).name("m1").slotSharingGroup("heavy")
                .map(x -> x).name("m2")
                .map(x -> x).name("m3").slotSharingGroup("light")
                .sinkTo(new DiscardingSink<>());
        StreamGraph g = env.getStreamGraph("groups");
        assertThat(node(g, "Collection Source").getSlotSharingGroup()).isEqualTo("default");
        assertThat(node(g, "m1").getSlotSharingGroup()).isEqualTo("heavy");
        assertThat(node(g, "m2").getSlotSharingGroup()).isEqualTo("heavy");
        assertThat(node(g, "m3").getSlotSharingGroup()).isEqualTo("light");
        assertThat(node(g, "Sink").getSlotSharingGroup()).isEqualTo("light");
    }

    @Test
    void inputsFromDifferentGroupsFallBackToTheDefaultGroup() {
        DataStream<Integer> a = env.fromData(1).map(x -> x).slotSharingGroup("a");
        DataStream<Integer> b = env.fromData(2).map(x -> x).slotSharingGroup("b");
        a.union(b).map(x -> x).name("joined").sinkTo(new DiscardingSink<>());
        assertThat(node(env.getStreamGraph("g"), "joined").getSlotSharingGroup()).isEqualTo("default");
    }

    @Test
    void nameUidAndDeclaredTypeReachTheNode() {
        env.fromData("x").map(String::length).name("length").uid("length-v1").returns(Types.INT)
                .sinkTo(new DiscardingSink<>()).name("out").uid("out-v1");
        StreamGraph g = env.getStreamGraph("meta");
        assertThat(node(g, "length").getUid()).isEqualTo("length-v1");
        assertThat(node(g, "length").getOutputType()).isSameAs(Types.INT);
        assertThat(node(g, "out").getUid()).isEqualTo("out-v1");
        assertThat(node(g, "Collection Source").getOutputType()).isNull();
    }

    @Test
    void streamReadByTwoOperatorsIsTranslatedOnce() {
        DataStream<Integer> source = env.fromData(1, 2);
        source.map(x -> x).name("left").sinkTo(new DiscardingSink<>());
        source.map(x -> -x).name("right").sinkTo(new DiscardingSink<>());
        StreamGraph g = env.getStreamGraph("fan-out");
        assertThat(g.nodes()).filteredOn(StreamNode::isSource).hasSize(1);
        assertThat(node(g, "Collection Source").getOutEdges()).extracting(e -> e.target().getName())
                .containsExactlyInAnyOrder("left", "right");
        assertThat(g.nodes()).hasSize(5);
    }

    @Test
    void streamGraphCanBeBuiltRepeatedlyFromTheSameProgram() {
        env.fromData(1).map(x -> x).sinkTo(new DiscardingSink<>());
        StreamGraph first = env.getStreamGraph("once");
        StreamGraph second = env.getStreamGraph("twice");
        assertThat(second.nodes()).extracting(StreamNode::getName)
                .isEqualTo(first.nodes().stream().map(StreamNode::getName).toList());
        assertThat(second.nodes()).extracting(StreamNode::getId)
                .isEqualTo(first.nodes().stream().map(StreamNode::getId).toList());
    }

    @Test
    void nodesCarryTheEnvironmentsConfigurationCopy() {
        Configuration conf = new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 2);
        StreamExecutionEnvironment configured = new StreamExecutionEnvironment(conf);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, 9);
        configured.fromData(1).map(x -> x).sinkTo(new DiscardingSink<>());
        StreamGraph g = configured.getStreamGraph("conf");
        assertThat(g.configuration().get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(2);
        assertThat(node(g, "Map").getParallelism()).isEqualTo(2);
    }

    @Test
    void unionOfStreamsOfDifferentEnvironmentsIsRejected() {
        StreamExecutionEnvironment other = new StreamExecutionEnvironment(new Configuration());
        DataStream<Integer> mine = env.fromData(1);
        DataStream<Integer> theirs = other.fromData(2);
        assertThatThrownBy(() -> mine.union(theirs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different execution environments");
    }
}
