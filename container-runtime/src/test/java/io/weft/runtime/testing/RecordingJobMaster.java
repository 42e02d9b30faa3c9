package io.weft.runtime.testing;

import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.JobMasterGateway;
import io.weft.runtime.ResourceID;
import io.weft.runtime.TaskExecutionState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JobMaster that only listens: records every task state update and lets a test wait (bounded) for a task's
 * terminal state. Thread-safe.
 */
public final class RecordingJobMaster implements JobMasterGateway {
    private final Map<ExecutionAttemptID, List<TaskExecutionState>> updates = new ConcurrentHashMap<>();
    private final Map<ExecutionAttemptID, CompletableFuture<TaskExecutionState>> terminal = new ConcurrentHashMap<>();
    private final List<ResourceID> lostTaskManagers = new CopyOnWriteArrayList<>();

    @Override
    public void updateTaskExecutionState(TaskExecutionState state) {
        updates.computeIfAbsent(state.attemptId(), k -> new CopyOnWriteArrayList<>()).add(state);
        if (state.state().isTerminal()) {
            terminalOf(state.attemptId()).complete(state);
        }
    }

    @Override
    public void taskManagerLost(ResourceID taskManager, String cause) {
        lostTaskManagers.add(taskManager);
    }

    /** Every update of one attempt so far, in order. */
    public List<TaskExecutionState> updatesOf(ExecutionAttemptID attempt) {
        return List.copyOf(updates.getOrDefault(attempt, List.of()));
    }

    /** The attempt's terminal state, waiting at most {@link BackgroundCall#BOUND}. */
    public TaskExecutionState awaitTerminal(ExecutionAttemptID attempt) throws Exception {
        try {
            return terminalOf(attempt).get(BackgroundCall.BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Task " + attempt + " did not end within " + BackgroundCall.BOUND
                    + "; its updates: " + updatesOf(attempt), e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private CompletableFuture<TaskExecutionState> terminalOf(ExecutionAttemptID attempt) {
        return terminal.computeIfAbsent(attempt, k -> new CompletableFuture<>());
    }
}
