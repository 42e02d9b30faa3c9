package io.weft.client.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.JobExecutionResult;
import io.weft.api.JobStatus;
import io.weft.api.RuntimeExecutionMode;
import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.api.tuple.Tuple2;
import io.weft.config.Configuration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedClusterTest {
    @Test
    void wordCountInBatchModeGivesFinalCounts() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(2).setRuntimeMode(RuntimeExecutionMode.BATCH);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add("a b c a");
        }
        CollectSink<Tuple2<String, Long>> sink = new CollectSink<>();
        env.fromData(lines)
                .flatMap((String line, io.weft.api.functions.Collector<Tuple2<String, Long>> out) -> {
                    for (String w : line.split(" ")) {
                        out.collect(Tuple2.of(w, 1L));
                    }
                })
                .keyBy(t -> t.f0).sum(1).setParallelism(3)
                .sinkTo(sink);
        JobExecutionResult result = env.execute("wc");
        assertThat(result.getJobStatus()).isEqualTo(JobStatus.FINISHED);
        assertThat(sink.results()).containsExactlyInAnyOrder(Tuple2.of("a", 2000L), Tuple2.of("b", 1000L),
                Tuple2.of("c", 1000L));
    }
}
