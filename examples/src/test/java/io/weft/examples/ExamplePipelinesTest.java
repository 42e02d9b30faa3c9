package io.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.RuntimeExecutionMode;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.config.Configuration;
import io.weft.graph.StreamGraph;
import io.weft.graph.StreamNode;
import java.util.List;
import org.assertj.core.groups.Tuple;
import io.weft.api.ProgramArgumentsException;
import org.junit.jupiter.api.Test;

class ExamplePipelinesTest {
    @Test
    void wordCount_definesSourceTokenizeCountFormatSink_inBothModes() {
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.BATCH, RuntimeExecutionMode.STREAMING)) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
            env.setRuntimeMode(mode).setParallelism(2);
            WordCount.buildPipeline(env, "/in", "/out", mode);
            StreamGraph graph = env.getStreamGraph("WordCount");
            assertThat(graph.runtimeMode()).isEqualTo(mode);
            // in batch mode the engine pre-aggregates the keyed sum before the shuffle
            List<String> expected = mode == RuntimeExecutionMode.BATCH
                    ? List.of("Text Source", "Tokenize", "Combine (Count)", "Count", "Format", "Text Sink")
                    : List.of("Text Source", "Tokenize", "Count", "Format", "Text Sink");
            assertThat(graph.nodes()).extracting(StreamNode::getName).containsExactlyElementsOf(expected);
            assertThat(graph.nodes()).allMatch(n -> n.getParallelism() == 2);
        }
    }

    @Test
    void slotSharing_hasSourceAndMapAtFour_reduceAtThree() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        SlotSharing.buildPipeline(env, null);
        StreamGraph graph = env.getStreamGraph("SlotSharing");
        assertThat(graph.nodes()).extracting(StreamNode::getName, StreamNode::getParallelism)
                .containsExactly(Tuple.tuple("Source", 4),
                        Tuple.tuple("Map", 4),
                        Tuple.tuple("Reduce", 3),
                        Tuple.tuple("Sink", 3));
        assertThat(graph.runtimeMode()).isEqualTo(RuntimeExecutionMode.STREAMING);
    }

    @Test
    void badArguments_areOneLineUsageErrors() {
        assertThatThrownBy(() -> WordCount.main(new String[] {"--input", "/in"}))
                .isInstanceOf(ProgramArgumentsException.class)
                .hasMessage("Missing argument --output.")
                .extracting(e -> ((ProgramArgumentsException) e).usage()).isEqualTo(WordCount.USAGE);
        assertThatThrownBy(() -> WordCount.main(new String[] {"--input", "/in", "--output", "/out", "--bogus", "1"}))
                .hasMessage("Unknown argument '--bogus'.");
        assertThatThrownBy(() -> WordCount.main(new String[] {"--input", "/in", "--output"}))
                .hasMessage("Argument --output needs a value.");
        assertThatThrownBy(() -> WordCount.main(new String[] {"--input", "/in", "--output", "/o", "--mode", "x"}))
                .hasMessage("Argument --mode must be one of batch, streaming, not 'x'.");
        assertThatThrownBy(() -> WordCount.main(new String[] {"--input", "/i", "--output", "/o", "--parallelism",
                "0"})).hasMessage("Argument --parallelism must be a whole number of at least 1, not '0'.");
        assertThatThrownBy(() -> SlotSharing.main(new String[] {"--records", "many"}))
                .hasMessage("Argument --records must be a whole number of at least 0, not 'many'.");
    }
}
