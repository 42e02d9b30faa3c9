package io.weft.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.weft.api.JobID;
import io.weft.runtime.OperatorID;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointMetadataCodecTest {
    private static final String DIR = "hdfs://nn:8020/weft/checkpoints/job/chk-7";

    /** Metadata using every field: three operators, keyed and operator state, inline and file handles. */
    static CheckpointMetadata everyField(String directory) {
        KeyGroupsStateHandle keyed = new KeyGroupsStateHandle(3, 5, new long[] {0, 17, 40},
                new StreamStateHandle.File(directory + "/4f1c", 99));
        KeyGroupsStateHandle keyedInline = new KeyGroupsStateHandle(6, 6, new long[] {0},
                new StreamStateHandle.Inline(new byte[] {1, 2, 3}));
        OperatorStateHandle lists = new OperatorStateHandle(Map.of(
                "offsets", new OperatorStateHandle.StateMetaInfo(OperatorStateHandle.Mode.SPLIT_DISTRIBUTE,
                        new long[] {0, 8, 16}),
                "union", new OperatorStateHandle.StateMetaInfo(OperatorStateHandle.Mode.UNION, new long[0])),
                new StreamStateHandle.File("hdfs://other:8020/elsewhere/state", 24));
        OperatorSubtaskState subtask0 = new OperatorSubtaskState(List.of(keyed, keyedInline), List.of(lists));
        OperatorState withState = new OperatorState(new OperatorID(-1L, 42L), 2, 128,
                Map.of(0, subtask0, 1, OperatorSubtaskState.EMPTY));
        OperatorState withoutSubtasks = new OperatorState(new OperatorID(7L, Long.MIN_VALUE), 1, 1, Map.of());
        OperatorState inlineOnly = new OperatorState(new OperatorID(0L, 0L), 3, 3, Map.of(2,
                new OperatorSubtaskState(List.of(), List.of(new OperatorStateHandle(Map.of(),
                        new StreamStateHandle.Inline(new byte[0]))))));
        return new CheckpointMetadata(new JobID(0x1234_5678_9abc_def0L, -5L), 7, 1_700_000_000_123L,
                CheckpointType.SAVEPOINT_TERMINATE, List.of(withState, withoutSubtasks, inlineOnly));
    }

    @Test
    void everyFieldSurvivesARoundTrip() throws IOException {
        CheckpointMetadata metadata = everyField(DIR);

        CheckpointMetadata read = CheckpointMetadataCodec.decode(CheckpointMetadataCodec.encode(metadata, DIR), DIR,
                "test");

        assertThat(read).usingRecursiveComparison().isEqualTo(metadata);
    }

    @Test
    void everyCheckpointTypeSurvivesARoundTrip() throws IOException {
        for (CheckpointType type : CheckpointType.values()) {
            CheckpointMetadata metadata = new CheckpointMetadata(JobID.generate(), 1, 2, type, List.of());
            assertThat(CheckpointMetadataCodec.decode(CheckpointMetadataCodec.encode(metadata, ""), "", "t").type())
                    .isEqualTo(type);
        }
    }

    @Test
    void filesUnderTheDirectoryAreWrittenRelativeAndResolvedAgainstWhereTheFileWasFound() throws IOException {
        byte[] bytes = CheckpointMetadataCodec.encode(everyField(DIR), DIR);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(DIR);

        String moved = "file:/home/me/savepoints/savepoint-123456-abcdef012345";
        CheckpointMetadata read = CheckpointMetadataCodec.decode(bytes, moved, "test");

        OperatorSubtaskState subtask = read.operators().get(0).subtaskStates().get(0);
        assertThat(subtask.keyedState().get(0).data()).isEqualTo(new StreamStateHandle.File(moved + "/4f1c", 99));
        assertThat(subtask.operatorState().get(0).data())
                .isEqualTo(new StreamStateHandle.File("hdfs://other:8020/elsewhere/state", 24));
    }

    @Test
    void fileUriSpellingsOfTheSameDirectoryAreOneDirectory() {
        assertThat(StatePaths.relativize("file:/tmp/chk-1/abc", "file:///tmp/chk-1/")).isEqualTo("abc");
        assertThat(StatePaths.relativize("file:///tmp/chk-1/abc", "file:/tmp/chk-1")).isEqualTo("abc");
        assertThat(StatePaths.relativize("file:/tmp/chk-10/abc", "file:/tmp/chk-1")).isNull();
        assertThat(StatePaths.relativize("/tmp/chk-1/abc", "")).isNull();
    }

    @Test
    void relativeHandlesWithoutADirectoryAreRefused() {
        byte[] bytes = CheckpointMetadataCodec.encode(everyField(DIR), DIR);

        assertThatThrownBy(() -> CheckpointMetadataCodec.decode(bytes, "", "/x/_metadata"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("/x/_metadata is corrupt")
                .hasMessageContaining("4f1c is relative");
    }

    @Test
    void truncatedAtEveryLengthIsAnIOExceptionSayingSo() {
        byte[] bytes = CheckpointMetadataCodec.encode(everyField(DIR), DIR);
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            Throwable thrown = catchThrowable(() -> CheckpointMetadataCodec.decode(prefix, DIR, "/c/_metadata"));
            assertThat(thrown).as("truncated to %d of %d bytes", length, bytes.length)
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessageStartingWith("/c/_metadata is truncated")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void aFileOfAnotherKindIsNotACheckpoint() {
        byte[] bytes = "PAR1 not a checkpoint".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> CheckpointMetadataCodec.decode(bytes, DIR, "/c/_metadata"))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("/c/_metadata is not a Weft checkpoint metadata file (it does not start with Weft's"
                        + " magic number)");
    }

    @Test
    void aSnapshotIsNotAMetadataFile() {
        byte[] snapshot = CheckpointMetadataCodec.encode(new TaskStateSnapshot(1, Map.of()));

        assertThatThrownBy(() -> CheckpointMetadataCodec.decode(snapshot, DIR, "/c/_metadata"))
                .hasMessageStartingWith("/c/_metadata is not a Weft checkpoint metadata file");
    }

    @Test
    void anotherFormatVersionIsNamed() {
        byte[] bytes = CheckpointMetadataCodec.encode(everyField(DIR), DIR);
        ByteBuffer.wrap(bytes).putInt(4, 3);

        assertThatThrownBy(() -> CheckpointMetadataCodec.decode(bytes, DIR, "/c/_metadata"))
                .isExactlyInstanceOf(IOException.class)
                .hasMessageStartingWith("/c/_metadata was written by format version 3; this Weft reads 1");
    }

    @Test
    void trailingBytesAreCorrupt() {
        byte[] bytes = CheckpointMetadataCodec.encode(everyField(DIR), DIR);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> CheckpointMetadataCodec.decode(longer, DIR, "/c/_metadata"))
                .isExactlyInstanceOf(IOException.class).hasMessageStartingWith("/c/_metadata is corrupt");
    }

    @Test
    void corruptBytesAreAnIOExceptionNeverAnotherException() {
        byte[] bytes = CheckpointMetadataCodec.encode(everyField(DIR), DIR);
        for (int i = 8; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] = (byte) (changed[i] ^ 0x5A);
            Throwable thrown = catchThrowable(() -> CheckpointMetadataCodec.decode(changed, DIR, "/c/_metadata"));
            if (thrown != null) {
                // a changed byte may still decode (a changed timestamp); if not, it must fail cleanly
                assertThat(thrown).as("byte %d changed", i).isExactlyInstanceOf(IOException.class)
                        .hasMessageStartingWith("/c/_metadata is ").hasMessageNotContaining("\n");
            }
        }
    }

    @Test
    void aTaskStateSnapshotSurvivesARoundTrip() throws IOException {
        OperatorSubtaskState state = everyField("hdfs://nn/chk-1").operators().get(0).subtaskStates().get(0);
        TaskStateSnapshot snapshot = new TaskStateSnapshot(9, Map.of(new OperatorID(1, 2), state,
                new OperatorID(3, 4), OperatorSubtaskState.EMPTY));

        TaskStateSnapshot read = CheckpointMetadataCodec.decodeSnapshot(CheckpointMetadataCodec.encode(snapshot),
                "acknowledgement");

        assertThat(read).usingRecursiveComparison().isEqualTo(snapshot);
    }

    @Test
    void aTruncatedSnapshotIsAnIOException() {
        byte[] bytes = CheckpointMetadataCodec.encode(new TaskStateSnapshot(9, Map.of(new OperatorID(1, 2),
                everyField("hdfs://nn/chk-1").operators().get(0).subtaskStates().get(0))));
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> CheckpointMetadataCodec.decodeSnapshot(prefix, "acknowledgement"))
                    .isExactlyInstanceOf(IOException.class).hasMessageStartingWith("acknowledgement is truncated");
        }
    }
}
