package io.weft.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.JobID;
import io.weft.api.connector.DiscardingSink;
import io.weft.api.RuntimeExecutionMode;
import io.weft.api.datastream.DataStream;
import io.weft.api.datastream.DataStreamSink;
import io.weft.api.datastream.SingleOutputStreamOperator;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import io.weft.streaming.partitioner.PartitionType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobGraphGeneratorTest {
    private final StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());

    /** Source(p4) → Map(p4) → keyBy → Reduce(p3) → Sink(p3); returns the reduce so callers can adjust it. */
    private SingleOutputStreamOperator<Integer> seedUpToReduce() {
        return env.fromData(1, 2, 3, 4, 5).setParallelism(4)
                .map(x -> x + 1).setParallelism(4)
                .keyBy(x -> x % 3)
                .reduce(Integer::sum).setParallelism(3);
    }

    private JobGraph jobGraph() {
        return new JobGraphGenerator().generate(env.getStreamGraph("job"));
    }

    private static JobVertex vertex(JobGraph g, String name) {
        return g.vertices().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no vertex " + name + " in " + g.vertices()));
    }

    @Test
    void seedPipelineChainsIntoTwoVerticesJoinedByAHashEdge() {
        seedUpToReduce().sinkTo(new DiscardingSink<>()).setParallelism(3);
        JobGraph g = jobGraph();

        assertThat(g.vertices()).extracting(JobVertex::getName)
                .containsExactly("Collection Source -> Map", "Keyed Reduce -> Sink");
        JobVertex head = g.vertices().get(0);
        JobVertex tail = g.vertices().get(1);
        assertThat(head.getChain()).extracting(StreamNode::getName).containsExactly("Collection Source", "Map");
        assertThat(tail.getChain()).extracting(StreamNode::getName).containsExactly("Keyed Reduce", "Sink");
        assertThat(head.getParallelism()).isEqualTo(4);
        assertThat(tail.getParallelism()).isEqualTo(3);
        assertThat(head.isSource()).isTrue();
        assertThat(tail.isSource()).isFalse();
        assertThat(head.isKeyed()).isFalse();
        assertThat(tail.isKeyed()).isTrue();
        assertThat(tail.getMaxParallelism()).isEqualTo(128);

        assertThat(head.getInputs()).isEmpty();
        assertThat(head.getProducedDataSets()).singleElement().satisfies(ds -> {
            assertThat(ds.getProducer()).isSameAs(head);
            assertThat(ds.getStreamEdge().partitionType()).isEqualTo(PartitionType.HASH);
            assertThat(ds.getStreamEdge().source().getName()).isEqualTo("Map");
            assertThat(ds.getConsumer().target()).isSameAs(tail);
            assertThat(ds.getConsumer().partitionType()).isEqualTo(PartitionType.HASH);
        });
        assertThat(tail.getInputs()).singleElement()
                .satisfies(e -> assertThat(e.source()).isSameAs(head.getProducedDataSets().get(0)));
        assertThat(tail.getProducedDataSets()).isEmpty();
    }

    @Test
    void seedPipelineNeedsFourSlots() {
        seedUpToReduce().sinkTo(new DiscardingSink<>()).setParallelism(3);
        assertThat(jobGraph().requiredSlots()).isEqualTo(4);
    }

    @Test
    void batchKeyedReduceGetsACombinerChainedToItsInput() {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        seedUpToReduce().sinkTo(new DiscardingSink<>()).setParallelism(3);
        JobGraph g = jobGraph();
        assertThat(g.runtimeMode()).isEqualTo(RuntimeExecutionMode.BATCH);
        assertThat(g.vertices()).extracting(JobVertex::getName)
                .containsExactly("Collection Source -> Map -> Combine (Keyed Reduce)", "Keyed Reduce -> Sink");
        assertThat(g.vertices().get(0).getProducedDataSets()).singleElement().satisfies(ds -> {
            assertThat(ds.getStreamEdge().source().getName()).isEqualTo("Combine (Keyed Reduce)");
            assertThat(ds.getStreamEdge().partitionType()).isEqualTo(PartitionType.HASH);
        });
        assertThat(g.requiredSlots()).isEqualTo(4);
    }

    @Test
    void jobGraphCarriesNameIdModeAndConfiguration() {
        env.setRuntimeMode(RuntimeExecutionMode.AUTOMATIC);
        env.fromData(1).sinkTo(new DiscardingSink<>());
        JobID id = JobID.generate();
        StreamGraph streamGraph = env.getStreamGraph("named");
        JobGraph g = new JobGraphGenerator().generate(streamGraph, id);
        assertThat(g.jobId()).isEqualTo(id);
        assertThat(g.name()).isEqualTo("named");
        assertThat(g.runtimeMode()).isEqualTo(RuntimeExecutionMode.BATCH);
        assertThat(g.configuration().get(CoreOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.AUTOMATIC);
        assertThat(new JobGraphGenerator().generate(streamGraph).jobId()).isNotEqualTo(id);
    }

    @Test
    void rebalanceBreaksTheChain() {
        env.fromData(1).setParallelism(4).map(x -> x).name("first").setParallelism(4)
                .rebalance().map(x -> x).name("second").setParallelism(4)
                .sinkTo(new DiscardingSink<>()).setParallelism(4);
        JobGraph g = jobGraph();
        assertThat(g.vertices()).extracting(JobVertex::getName)
                .containsExactly("Collection Source -> first", "second -> Sink");
        assertThat(vertex(g, "second -> Sink").getInputs()).singleElement()
                .satisfies(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.REBALANCE));
        assertThat(g.requiredSlots()).isEqualTo(4);
    }

    @Test
    void differentParallelismBreaksTheChain() {
        env.fromData(1).setParallelism(4).map(x -> x).name("wide").setParallelism(4)
                .map(x -> x).name("narrow").setParallelism(2)
                .sinkTo(new DiscardingSink<>()).setParallelism(2);
        JobGraph g = jobGraph();
        assertThat(g.vertices()).extracting(JobVertex::getName)
                .containsExactly("Collection Source -> wide", "narrow -> Sink");
        assertThat(vertex(g, "narrow -> Sink").getInputs()).singleElement()
                .satisfies(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.REBALANCE));
    }

    @Test
    void separateSlotSharingGroupForTheKeyedPartAddsItsSlots() {
        seedUpToReduce().slotSharingGroup("reduce").sinkTo(new DiscardingSink<>()).setParallelism(3);
        JobGraph g = jobGraph();
        assertThat(g.vertices()).extracting(JobVertex::getName)
                .containsExactly("Collection Source -> Map", "Keyed Reduce -> Sink");
        assertThat(g.vertices()).extracting(JobVertex::getSlotSharingGroup).containsExactly("default", "reduce");
        assertThat(g.requiredSlots()).isEqualTo(4 + 3);
    }

    @Test
    void differentSlotSharingGroupBreaksTheChainAndAddsSlots() {
        DataStreamSink<Integer> sink = seedUpToReduce().sinkTo(new DiscardingSink<>()).setParallelism(3);
        sink.slotSharingGroup("sinks");
        JobGraph g = jobGraph();
        assertThat(g.vertices()).extracting(JobVertex::getName)
                .containsExactly("Collection Source -> Map", "Keyed Reduce", "Sink");
        assertThat(vertex(g, "Sink").getInputs()).singleElement()
                .satisfies(e -> assertThat(e.partitionType()).isEqualTo(PartitionType.FORWARD));
        assertThat(g.requiredSlots()).isEqualTo(4 + 3);
    }

    @Test
    void slotsOfAGroupAreSetByItsMostParallelVertex() {
        env.fromData(1).setParallelism(2).rebalance().map(x -> x).setParallelism(6)
                .rebalance().map(x -> x).setParallelism(5).sinkTo(new DiscardingSink<>()).setParallelism(5);
        JobGraph g = jobGraph();
        assertThat(g.vertices()).hasSize(3);
        assertThat(g.requiredSlots()).isEqualTo(6);
    }

    @Test
    void unionOfTwoSourcesFeedsOneVertexWithTwoInputs() {
        DataStream<String> a = env.fromData("a").name("A");
        DataStream<String> b = env.fromData("b").name("B");
        a.union(b).map(String::trim).name("trim").sinkTo(new DiscardingSink<>());
        JobGraph g = jobGraph();
        assertThat(g.vertices()).extracting(JobVertex::getName).containsExactly("A", "B", "trim -> Sink");
        JobVertex merged = vertex(g, "trim -> Sink");
        assertThat(merged.getInputs()).hasSize(2);
        assertThat(merged.getInputs()).extracting(e -> e.source().getProducer().getName()).containsExactly("A", "B");
        assertThat(merged.getInputs()).extracting(e -> e.source().getId()).doesNotHaveDuplicates();
        assertThat(vertex(g, "A").getProducedDataSets()).singleElement()
                .satisfies(ds -> assertThat(ds.getConsumer().target()).isSameAs(merged));
        assertThat(g.requiredSlots()).isEqualTo(1);
    }

    @Test
    void forwardFanOutIsChainedIntoOneVertex() {
        DataStream<Integer> source = env.fromData(1, 2);
        source.map(x -> x).name("left").sinkTo(new DiscardingSink<>()).name("left-sink");
        source.map(x -> -x).name("right").sinkTo(new DiscardingSink<>()).name("right-sink");
        JobGraph g = jobGraph();
        assertThat(g.vertices()).singleElement().satisfies(v -> {
            assertThat(v.getHead().getName()).isEqualTo("Collection Source");
            assertThat(v.getChain()).extracting(StreamNode::getName).containsExactlyInAnyOrder("Collection Source",
                    "left", "right", "left-sink", "right-sink");
            assertThat(v.getProducedDataSets()).isEmpty();
        });
    }

    @Test
    void everyStreamNodeBelongsToExactlyOneVertex() {
        seedUpToReduce().sinkTo(new DiscardingSink<>()).setParallelism(3);
        env.fromData(7).union(env.fromData(8)).rebalance().map(x -> x).setParallelism(2)
                .sinkTo(new DiscardingSink<>()).setParallelism(2);
        StreamGraph streamGraph = env.getStreamGraph("mixed");
        JobGraph g = new JobGraphGenerator().generate(streamGraph);
        Set<StreamNode> seen = new HashSet<>();
        for (JobVertex v : g.vertices()) {
            for (StreamNode n : v.getChain()) {
                assertThat(seen.add(n)).as("%s in more than one vertex", n).isTrue();
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(streamGraph.nodes());
    }

    @Test
    void verticesAreInTopologicalOrder() {
        seedUpToReduce().rebalance().map(x -> x).name("after").setParallelism(2)
                .sinkTo(new DiscardingSink<>()).setParallelism(2);
        List<JobVertex> vertices = jobGraph().vertices();
        for (int i = 0; i < vertices.size(); i++) {
            for (JobEdge in : vertices.get(i).getInputs()) {
                assertThat(vertices.indexOf(in.source().getProducer())).as("producer of %s", vertices.get(i))
                        .isLessThan(i);
            }
        }
        assertThat(vertices).hasSize(3);
    }

    @Test
    void chainingRuleRequiresForwardEqualParallelismSameGroupAndASingleInput() {
        env.fromData(1, 2).map(x -> x).name("m").sinkTo(new DiscardingSink<>());
        StreamGraph g = env.getStreamGraph("rule");
        StreamEdge sourceToMap = g.nodes().get(0).getOutEdges().get(0);
        assertThat(JobGraphGenerator.isChainable(sourceToMap)).isTrue();

        StreamExecutionEnvironment other = new StreamExecutionEnvironment(new Configuration());
        other.fromData(1).union(other.fromData(2)).map(x -> x).sinkTo(new DiscardingSink<>());
        StreamGraph union = other.getStreamGraph("union");
        StreamEdge intoUnionMap = union.nodes().get(0).getOutEdges().get(0);
        assertThat(intoUnionMap.partitionType()).isEqualTo(PartitionType.FORWARD);
        assertThat(JobGraphGenerator.isChainable(intoUnionMap)).isFalse();
    }
}
