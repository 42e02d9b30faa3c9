package io.weft.jobmanager.rest;

import io.weft.api.JobID;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link JarRunner} for tests: records every call and answers as told — by default with a fixed job id, or by a
 * function of the call (fail with an InvalidProgramException, submit a real job).
 */
final class FakeJarRunner implements JarRunner {
    static final JobID DEFAULT_JOB_ID = JobID.fromHexString("0123456789abcdef0123456789abcdef");
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<Call, CompletableFuture<JobID>> answer =
            call -> CompletableFuture.completedFuture(DEFAULT_JOB_ID);

    /** One call to {@link #run}. */
    record Call(Path jar, String entryClass, List<String> args, Integer parallelism,
            Map<String, String> jobConfiguration) {
        /** A call without job settings. */
        Call(Path jar, String entryClass, List<String> args, Integer parallelism) {
            this(jar, entryClass, args, parallelism, Map.of());
        }
    }

    /** Answers the following calls with {@code answer}. */
    void answerWith(Function<Call, CompletableFuture<JobID>> answer) {
        this.answer = answer;
    }

    /** Answers the following calls with the default job id. */
    void reset() {
        calls.clear();
        answer = call -> CompletableFuture.completedFuture(DEFAULT_JOB_ID);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public CompletableFuture<JobID> run(Path jar, String entryClass, List<String> args, Integer parallelism,
            Map<String, String> jobConfiguration) {
        Call call = new Call(jar, entryClass, args, parallelism, jobConfiguration);
        calls.add(call);
        return answer.apply(call);
    }
}
