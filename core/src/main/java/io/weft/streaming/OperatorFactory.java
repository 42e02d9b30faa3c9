package io.weft.streaming;

/**
 * Creates a fresh operator for one subtask attempt; called on the task thread. The JobGraph holds factories,
 * never operator instances, so that no two subtasks or attempts share operator state.
 */
@FunctionalInterface
public interface OperatorFactory<OUT> {
    StreamOperator<OUT> create();
}
