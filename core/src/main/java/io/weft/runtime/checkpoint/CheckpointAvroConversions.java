package io.weft.runtime.checkpoint;

import io.weft.api.JobID;
import io.weft.runtime.OperatorID;
import io.weft.runtime.checkpoint.avro.CheckpointMetadataAvro;
import io.weft.runtime.checkpoint.avro.CheckpointTypeAvro;
import io.weft.runtime.checkpoint.avro.FileStateAvro;
import io.weft.runtime.checkpoint.avro.IndexedSubtaskStateAvro;
import io.weft.runtime.checkpoint.avro.InlineStateAvro;
import io.weft.runtime.checkpoint.avro.KeyGroupsStateAvro;
import io.weft.runtime.checkpoint.avro.ListStateAvro;
import io.weft.runtime.checkpoint.avro.ListStateModeAvro;
import io.weft.runtime.checkpoint.avro.OperatorListStatesAvro;
import io.weft.runtime.checkpoint.avro.OperatorStateAvro;
import io.weft.runtime.checkpoint.avro.OperatorSubtaskEntryAvro;
import io.weft.runtime.checkpoint.avro.SubtaskStateAvro;
import io.weft.runtime.checkpoint.avro.TaskStateSnapshotAvro;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the checkpoint model into the Avro records of format version 1 and back, making file handles relative to
 * the checkpoint's directory on the way out and absolute against it on the way in. Stateless and thread-safe.
 *
 * <p>Model constructors refuse inconsistent values (ranges, sizes) with an {@link IllegalArgumentException}; the
 * codec turns those into "corrupt" errors.
 */
final class CheckpointAvroConversions {
    private CheckpointAvroConversions() {
    }

    // ---- model -> Avro

    static CheckpointMetadataAvro toAvro(CheckpointMetadata metadata, String directory) {
        List<OperatorStateAvro> operators = new ArrayList<>();
        for (OperatorState operator : metadata.operators()) {
            List<IndexedSubtaskStateAvro> subtasks = new ArrayList<>();
            new TreeMap<>(operator.subtaskStates()).forEach((index, state) ->
                    subtasks.add(new IndexedSubtaskStateAvro(index, toAvro(state, directory))));
            operators.add(new OperatorStateAvro(operator.operatorId().upper(), operator.operatorId().lower(),
                    operator.parallelism(), operator.maxParallelism(), subtasks));
        }
        return new CheckpointMetadataAvro(metadata.jobId().getUpperPart(), metadata.jobId().getLowerPart(),
                metadata.checkpointId(), metadata.timestamp(), CheckpointTypeAvro.valueOf(metadata.type().name()),
                operators);
    }

    static TaskStateSnapshotAvro toAvro(TaskStateSnapshot snapshot) {
        List<OperatorSubtaskEntryAvro> operators = new ArrayList<>();
        snapshot.operators().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<OperatorID, OperatorSubtaskState> e) -> e.getKey().toString()))
                .forEach(e -> operators.add(new OperatorSubtaskEntryAvro(e.getKey().upper(), e.getKey().lower(),
                        toAvro(e.getValue(), ""))));
        return new TaskStateSnapshotAvro(snapshot.checkpointId(), operators);
    }

    private static SubtaskStateAvro toAvro(OperatorSubtaskState state, String directory) {
        List<KeyGroupsStateAvro> keyed = new ArrayList<>();
        for (KeyGroupsStateHandle handle : state.keyedState()) {
            keyed.add(new KeyGroupsStateAvro(handle.firstKeyGroup(), handle.lastKeyGroup(), longs(handle.offsets()),
                    toAvro(handle.data(), directory)));
        }
        List<OperatorListStatesAvro> operatorStates = new ArrayList<>();
        for (OperatorStateHandle handle : state.operatorState()) {
            List<ListStateAvro> lists = new ArrayList<>();
            new TreeMap<>(handle.states()).forEach((name, info) -> lists.add(new ListStateAvro(name,
                    ListStateModeAvro.valueOf(info.mode().name()), longs(info.offsets()))));
            operatorStates.add(new OperatorListStatesAvro(lists, toAvro(handle.data(), directory)));
        }
        return new SubtaskStateAvro(keyed, operatorStates);
    }

    private static Object toAvro(StreamStateHandle handle, String directory) {
        if (handle instanceof StreamStateHandle.Inline inline) {
            return new InlineStateAvro(ByteBuffer.wrap(inline.data()));
        }
        StreamStateHandle.File file = (StreamStateHandle.File) handle;
        String relative = StatePaths.relativize(file.path(), directory);
        return relative == null
                ? new FileStateAvro(file.path(), false, file.size())
                : new FileStateAvro(relative, true, file.size());
    }

    private static List<Long> longs(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    // ---- Avro -> model

    /** @param directory where the metadata was found, against which relative file handles are resolved */
    static CheckpointMetadata fromAvro(CheckpointMetadataAvro avro, String directory) {
        List<OperatorState> operators = new ArrayList<>();
        for (OperatorStateAvro operator : avro.getOperators()) {
            Map<Integer, OperatorSubtaskState> subtasks = new LinkedHashMap<>();
            for (IndexedSubtaskStateAvro subtask : operator.getSubtasks()) {
                if (subtasks.put(subtask.getSubtask(), fromAvro(subtask.getState(), directory)) != null) {
                    throw new IllegalArgumentException("subtask " + subtask.getSubtask() + " appears twice");
                }
            }
            operators.add(new OperatorState(new OperatorID(operator.getOperatorIdUpper(),
                    operator.getOperatorIdLower()), operator.getParallelism(), operator.getMaxParallelism(),
                    subtasks));
        }
        return new CheckpointMetadata(new JobID(avro.getJobIdUpper(), avro.getJobIdLower()), avro.getCheckpointId(),
                avro.getTimestamp(), CheckpointType.valueOf(avro.getType().name()), operators);
    }

    static TaskStateSnapshot fromAvro(TaskStateSnapshotAvro avro) {
        Map<OperatorID, OperatorSubtaskState> operators = new LinkedHashMap<>();
        for (OperatorSubtaskEntryAvro entry : avro.getOperators()) {
            OperatorID id = new OperatorID(entry.getOperatorIdUpper(), entry.getOperatorIdLower());
            if (operators.put(id, fromAvro(entry.getState(), "")) != null) {
                throw new IllegalArgumentException("operator " + id + " appears twice");
            }
        }
        return new TaskStateSnapshot(avro.getCheckpointId(), operators);
    }

    private static OperatorSubtaskState fromAvro(SubtaskStateAvro avro, String directory) {
        List<KeyGroupsStateHandle> keyed = new ArrayList<>();
        for (KeyGroupsStateAvro handle : avro.getKeyedState()) {
            keyed.add(new KeyGroupsStateHandle(handle.getFirstKeyGroup(), handle.getLastKeyGroup(),
                    longs(handle.getOffsets()), fromAvro(handle.getData(), directory)));
        }
        List<OperatorStateHandle> operatorStates = new ArrayList<>();
        for (OperatorListStatesAvro handle : avro.getOperatorState()) {
            Map<String, OperatorStateHandle.StateMetaInfo> states = new LinkedHashMap<>();
            for (ListStateAvro list : handle.getStates()) {
                states.put(list.getName(), new OperatorStateHandle.StateMetaInfo(
                        OperatorStateHandle.Mode.valueOf(list.getMode().name()), longs(list.getOffsets())));
            }
            operatorStates.add(new OperatorStateHandle(states, fromAvro(handle.getData(), directory)));
        }
        return new OperatorSubtaskState(keyed, operatorStates);
    }

    private static StreamStateHandle fromAvro(Object avro, String directory) {
        if (avro instanceof InlineStateAvro inline) {
            ByteBuffer buffer = inline.getData().duplicate();
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            return new StreamStateHandle.Inline(data);
        }
        FileStateAvro file = (FileStateAvro) avro;
        if (!file.getRelative()) {
            return new StreamStateHandle.File(file.getPath(), file.getSize());
        }
        if (directory.isEmpty()) {
            throw new IllegalArgumentException("state file " + file.getPath()
                    + " is relative, but there is no directory to resolve it against");
        }
        return new StreamStateHandle.File(StatePaths.resolve(directory, file.getPath()), file.getSize());
    }

    private static long[] longs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
