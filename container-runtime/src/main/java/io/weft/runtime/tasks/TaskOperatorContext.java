package io.weft.runtime.tasks;

import io.weft.api.JobID;
import io.weft.api.RuntimeExecutionMode;
import io.weft.config.Configuration;
import io.weft.runtime.deployment.TaskDeploymentDescriptor;
import io.weft.streaming.OperatorContext;
import io.weft.streaming.ProcessingTimeService;
import io.weft.streaming.state.KeyedStateBackend;

/** The {@link OperatorContext} of one operator in a task's chain; task thread only. */
final class TaskOperatorContext implements OperatorContext {
    private final TaskDeploymentDescriptor tdd;
    private final String operatorName;
    private final KeyedStateBackend keyedState;
    private final ProcessingTimeService clock;

    TaskOperatorContext(TaskDeploymentDescriptor tdd, String operatorName, KeyedStateBackend keyedState,
            ProcessingTimeService clock) {
        this.tdd = tdd;
        this.operatorName = operatorName;
        this.keyedState = keyedState;
        this.clock = clock;
    }

    @Override
    public JobID jobId() {
        return tdd.jobId();
    }

    @Override
    public String taskName() {
        return tdd.taskName();
    }

    @Override
    public String operatorName() {
        return operatorName;
    }

    @Override
    public int subtaskIndex() {
        return tdd.subtaskIndex();
    }

    @Override
    public int parallelism() {
        return tdd.vertex().getParallelism();
    }

    @Override
    public int maxParallelism() {
        return tdd.vertex().getMaxParallelism();
    }

    @Override
    public int attemptNumber() {
        return tdd.attemptNumber();
    }

    @Override
    public RuntimeExecutionMode runtimeMode() {
        return tdd.runtimeMode();
    }

    @Override
    public Configuration configuration() {
        return tdd.jobConfig();
    }

    @Override
    public ClassLoader userCodeClassLoader() {
        return tdd.userCodeClassLoader();
    }

    @Override
    public KeyedStateBackend keyedStateBackend() {
        return keyedState;
    }

    @Override
    public ProcessingTimeService processingTimeService() {
        return clock;
    }
}
