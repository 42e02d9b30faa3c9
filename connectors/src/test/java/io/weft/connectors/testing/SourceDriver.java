package io.weft.connectors.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.connector.InputStatus;
import io.weft.api.connector.Source;
import io.weft.api.connector.SourceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives source readers through the {@link SourceReader} contract as the engine's task thread would: open, poll
 * until END_OF_INPUT (waiting on {@code isAvailable()} after NOTHING_AVAILABLE), close. Checks on every poll that
 * the reader respects its batch bound, and that a poll answering MORE_AVAILABLE emitted something.
 */
public final class SourceDriver {
    private static final long AVAILABILITY_TIMEOUT_SECONDS = 30;

    private SourceDriver() {
    }

    /** Every record that subtask {@code subtask} of {@code parallelism} reads, in order. */
    public static <T> List<T> readSubtask(Source<T> source, int subtask, int parallelism, int maxBatch)
            throws Exception {
        List<T> records = new ArrayList<>();
        SourceReader<T> reader = source.createReader(new TestSourceReaderContext(subtask, parallelism));
        try {
            reader.open();
            while (true) {
                int before = records.size();
                InputStatus status = reader.pollNext(records::add);
                int emitted = records.size() - before;
                assertThat(emitted).as("records emitted by one poll").isLessThanOrEqualTo(maxBatch);
                if (status == InputStatus.END_OF_INPUT) {
                    return records;
                }
                if (status == InputStatus.NOTHING_AVAILABLE) {
                    reader.isAvailable().get(AVAILABILITY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } else {
                    assertThat(emitted).as("records emitted by a poll that said MORE_AVAILABLE").isPositive();
                }
            }
        } finally {
            reader.close();
        }
    }

    /** The records of every subtask of {@code parallelism}, indexed by subtask. */
    public static <T> List<List<T>> readAllSubtasks(Source<T> source, int parallelism, int maxBatch)
            throws Exception {
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            all.add(readSubtask(source, i, parallelism, maxBatch));
        }
        return all;
    }

    /** The records of every subtask, concatenated in subtask order. */
    public static <T> List<T> readAll(Source<T> source, int parallelism, int maxBatch) throws Exception {
        List<T> all = new ArrayList<>();
        readAllSubtasks(source, parallelism, maxBatch).forEach(all::addAll);
        return all;
    }
}
