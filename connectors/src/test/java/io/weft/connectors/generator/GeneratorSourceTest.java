package io.weft.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.connector.Boundedness;
import io.weft.api.connector.InputStatus;
import io.weft.api.connector.SourceReader;
import io.weft.connectors.testing.SourceDriver;
import io.weft.connectors.testing.TestSourceReaderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GeneratorSourceTest {
    private static final int MAX_BATCH = GeneratorReader.MAX_BATCH;

    @Test
    void bounded_subtasksGenerateContiguousRanges() throws Exception {
        GeneratorSource<String> source = GeneratorSource.bounded(10, i -> "r" + i);
        List<List<String>> perSubtask = SourceDriver.readAllSubtasks(source, 3, MAX_BATCH);
        assertThat(perSubtask.get(0)).containsExactly("r0", "r1", "r2");
        assertThat(perSubtask.get(1)).containsExactly("r3", "r4", "r5");
        assertThat(perSubtask.get(2)).containsExactly("r6", "r7", "r8", "r9");
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void bounded_isDeterministicAndCoversEveryIndexOnce() throws Exception {
        GeneratorSource<Long> source = GeneratorSource.bounded(10_007, i -> i * 31);
        for (int parallelism = 1; parallelism <= 5; parallelism++) {
            List<Long> first = SourceDriver.readAll(source, parallelism, MAX_BATCH);
            assertThat(first).containsExactlyElementsOf(LongStream.range(0, 10_007).map(i -> i * 31).boxed()
                    .toList());
            assertThat(SourceDriver.readAll(source, parallelism, MAX_BATCH)).isEqualTo(first);
        }
    }

    @Test
    void bounded_emptyAndSmallerThanTheParallelism() throws Exception {
        assertThat(SourceDriver.readAll(GeneratorSource.bounded(0, i -> i), 3, MAX_BATCH)).isEmpty();
        assertThat(SourceDriver.readAllSubtasks(GeneratorSource.bounded(2, i -> i), 4, MAX_BATCH))
                .containsExactly(List.of(), List.of(0L), List.of(), List.of(1L));
    }

    @Test
    void rangeStart_doesNotOverflowForHugeCounts() {
        long count = Long.MAX_VALUE;
        long previous = 0;
        for (int i = 1; i <= 7; i++) {
            long start = GeneratorSource.rangeStart(count, i, 7);
            assertThat(start).isGreaterThan(previous);
            previous = start;
        }
        assertThat(GeneratorSource.rangeStart(count, 7, 7)).isEqualTo(count);
        assertThat(GeneratorSource.rangeStart(count, 0, 7)).isZero();
    }

    @Test
    void unbounded_subtaskIGeneratesEveryPthIndex() throws Exception {
        GeneratorSource<Long> source = GeneratorSource.unbounded(i -> i);
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        List<Long> records = new ArrayList<>();
        SourceReader<Long> reader = source.createReader(new TestSourceReaderContext(1, 3));
        reader.open();
        for (int poll = 0; poll < 3; poll++) {
            assertThat(reader.pollNext(records::add)).isEqualTo(InputStatus.MORE_AVAILABLE);
        }
        reader.close();
        assertThat(records).hasSize(3 * MAX_BATCH);
        for (int k = 0; k < records.size(); k++) {
            assertThat(records.get(k)).isEqualTo(1 + 3L * k);
        }
    }

    @Test
    void rate_isSharedByTheSubtasks_andReadersWaitOnTheirFuture() throws Exception {
        // 200 records a second over 2 subtasks: each subtask's 60 records take at least ~0.3 s at 100/s.
        GeneratorSource<Long> source = GeneratorSource.bounded(120, i -> i).withRatePerSecond(200);
        long start = System.nanoTime();
        List<Long> records = new ArrayList<>();
        int waits = 0;
        SourceReader<Long> reader = source.createReader(new TestSourceReaderContext(0, 2));
        reader.open();
        InputStatus status;
        do {
            status = reader.pollNext(records::add);
            if (status == InputStatus.NOTHING_AVAILABLE) {
                waits++;
                reader.isAvailable().get(10, TimeUnit.SECONDS);
            }
        } while (status != InputStatus.END_OF_INPUT);
        reader.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(records).containsExactlyElementsOf(LongStream.range(0, 60).boxed().toList());
        assertThat(waits).isPositive();
        assertThat(seconds).isGreaterThanOrEqualTo(0.55);
    }

    @Test
    void rate_mustBePositiveAndFinite() {
        GeneratorSource<Long> source = GeneratorSource.unbounded(i -> i);
        assertThatThrownBy(() -> source.withRatePerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.withRatePerSecond(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.withRatePerSecond(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorSource.bounded(-1, i -> i)).isInstanceOf(IllegalArgumentException.class);
    }
}
