package io.weft.runtime.tasks;

import io.weft.api.connector.InputStatus;
import io.weft.config.CoreOptions;
import io.weft.graph.IntermediateDataSet;
import io.weft.graph.JobEdge;
import io.weft.graph.StreamEdge;
import io.weft.runtime.ErrorInfo;
import io.weft.runtime.ExecutionAttemptID;
import io.weft.runtime.ExecutionState;
import io.weft.runtime.TaskExecutionState;
import io.weft.runtime.TaskStateReporter;
import io.weft.runtime.deployment.InputChannelDescriptor;
import io.weft.runtime.deployment.InputGateDeploymentDescriptor;
import io.weft.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.weft.runtime.deployment.TaskDeploymentDescriptor;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import io.weft.runtime.network.BufferOrEvent;
import io.weft.runtime.network.FloatingBufferBudget;
import io.weft.runtime.network.InputChannel;
import io.weft.runtime.network.InputGate;
import io.weft.runtime.network.LocalBufferPool;
import io.weft.runtime.network.RecordDeserializer;
import io.weft.runtime.network.RecordWriter;
import io.weft.runtime.network.ResultPartition;
import io.weft.runtime.network.RuntimeEvent;
import io.weft.runtime.network.SubpartitionRequest;
import io.weft.runtime.network.SubpartitionView;
import io.weft.streaming.OneInputStreamOperator;
import io.weft.streaming.operators.SourceOperator;
import io.weft.streaming.partitioner.StreamPartitioner;
import io.weft.types.DynamicSerializer;
import io.weft.types.TypeInformation;
import io.weft.types.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution attempt of one subtask, run on its own thread: sets up its partitions, input channels and
 * operator chain, then loops over mails and input until the input ends, and reports every state change to the
 * JobMaster.
 *
 * <p>States: DEPLOYING → INITIALIZING → RUNNING → FINISHED, or CANCELING → CANCELED, or FAILED (checked by
 * {@link ExecutionState}). {@link #cancel()} may be called from any thread; everything else runs on the task
 * thread. A user exception fails the task and travels to the JobMaster as an {@link ErrorInfo}; so does a failure
 * reported by another thread (an input that cannot be connected), which is rethrown on the task thread by a mail.
 *
 * <p>Time accounting: the task times only its waits — for input or mail (idle) and for output buffers
 * (backpressured, timed by the buffer pools) — and counts the rest of its running time as busy.
 */
public final class Task implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Task.class);
    /** How long a task waiting for an output buffer sleeps at most before it looks again. */
    private static final long OUTPUT_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private final TaskDeploymentDescriptor tdd;
    private final TaskStateReporter jobMaster;
    private final TaskServices services;
    private final Consumer<Task> onTerminated;
    private final TaskMailbox mailbox = new TaskMailbox();
    private final TaskCounters counters = new TaskCounters();
    private final List<ResultPartition> partitions = new ArrayList<>();
    private final List<RecordWriter<Object>> writers = new ArrayList<>();
    private final List<CompletableFuture<?>> inputRequests = new ArrayList<>();
    private final Object stateLock = new Object();
    private final Thread thread;
    private ExecutionState state = ExecutionState.DEPLOYING;
    private boolean interruptible;
    private InputGate gate;
    private TaskProcessingTimeService clock;
    private ScheduledFuture<?> flusher;
    private ErrorInfo failure;
    private long runningSince;
    private long outputWaitNanos;
    /** Checkpoint triggers not answered yet; failed when the task ends. */
    private final List<CompletableFuture<Void>> pendingTriggers = new ArrayList<>();

    public Task(TaskDeploymentDescriptor tdd, TaskStateReporter jobMaster, TaskServices services,
            Consumer<Task> onTerminated) {
        this.tdd = tdd;
        this.jobMaster = jobMaster;
        this.services = services;
        this.onTerminated = onTerminated;
        this.thread = new Thread(this, tdd.taskName());
        this.thread.setContextClassLoader(tdd.userCodeClassLoader());
    }

    public ExecutionAttemptID attemptId() {
        return tdd.attemptId();
    }

    public TaskDeploymentDescriptor descriptor() {
        return tdd;
    }

    public ExecutionState state() {
        synchronized (stateLock) {
            return state;
        }
    }

    public void start() {
        thread.start();
    }

    /** Asks the task to stop; it reports CANCELED when it has cleaned up. Any thread. */
    public void cancel() {
        synchronized (stateLock) {
            if (state.isTerminal() || state == ExecutionState.CANCELING) {
                return;
            }
            state = state.checkTransition(ExecutionState.CANCELING, tdd.taskName());
            if (interruptible) {
                thread.interrupt();
            }
        }
        mailbox.signalInput();
    }

    /**
     * Emits checkpoint {@code barrier} from this source task, behind every record emitted so far, as soon as the
     * task takes its next mail — also while its outputs are backpressured. Any thread.
     *
     * @return completed once the barrier is emitted; failed when the task has inputs (barriers reach it through
     *     them) or ends first
     */
    public CompletableFuture<Void> triggerCheckpoint(RuntimeEvent.CheckpointBarrier barrier) {
        CompletableFuture<Void> emitted = new CompletableFuture<>();
        if (!tdd.inputGates().isEmpty()) {
            emitted.completeExceptionally(new IllegalStateException("Task " + tdd.taskName() + " has inputs: the"
                    + " barriers of checkpoint " + barrier.checkpointId() + " reach it through them"));
            return emitted;
        }
        synchronized (pendingTriggers) {
            pendingTriggers.add(emitted);
        }
        boolean queued = mailbox.put(() -> {
            broadcast(barrier);
            emitted.complete(null);
            synchronized (pendingTriggers) {
                pendingTriggers.remove(emitted);
            }
        });
        if (!queued) {
            emitted.completeExceptionally(new IllegalStateException("Task " + tdd.taskName() + " has ended"));
        }
        return emitted;
    }

    private boolean moveTo(ExecutionState next) {
        synchronized (stateLock) {
            if (state == ExecutionState.CANCELING) {
                return false;
            }
            state = state.checkTransition(next, tdd.taskName());
        }
        jobMaster.updateTaskExecutionState(new TaskExecutionState(tdd.attemptId(), next));
        return true;
    }

    private boolean isCanceling() {
        synchronized (stateLock) {
            return state == ExecutionState.CANCELING;
        }
    }

    @Override
    public void run() {
        ExecutionState finalState;
        OperatorChain chain = null;
        try {
            setInterruptible(true);
            if (!moveTo(ExecutionState.INITIALIZING)) {
                throw new CancelTaskException();
            }
            clock = new TaskProcessingTimeService(services.timerThread(), mailbox);
            setUpPartitions();
            setUpInputGate();
            chain = new OperatorChain(tdd, writers, counters, clock);
            chain.open();
            if (!moveTo(ExecutionState.RUNNING)) {
                throw new CancelTaskException();
            }
            runningSince = System.nanoTime();
            scheduleFlush();
            if (chain.head() instanceof SourceOperator<?> source) {
                runSource(source);
            } else {
                runInput(chain.head());
            }
            chain.finish();
            for (RecordWriter<Object> w : writers) {
                w.finish();
            }
            finalState = ExecutionState.FINISHED;
        } catch (Throwable t) {
            OutOfMemoryExit.haltIfOutOfMemory(t);
            if (isCanceling() || t instanceof CancelTaskException) {
                finalState = ExecutionState.CANCELED;
            } else {
                finalState = ExecutionState.FAILED;
                failure = ErrorInfo.of(t);
                LOG.warn("Task {} of job {} failed", tdd.taskName(), tdd.jobId(), t);
            }
        }
        if (runningSince != 0) {
            counters.runningNanos = System.nanoTime() - runningSince;
        }
        setInterruptible(false);
        Thread.interrupted();
        finalState = cleanUp(chain, finalState);
        report(finalState, finalState == ExecutionState.FAILED ? failure : null);
    }

    private ExecutionState cleanUp(OperatorChain chain, ExecutionState finalState) {
        mailbox.close();
        synchronized (pendingTriggers) {
            for (CompletableFuture<Void> trigger : pendingTriggers) {
                trigger.completeExceptionally(new IllegalStateException("Task " + tdd.taskName() + " ended "
                        + finalState + " before it emitted the barrier"));
            }
            pendingTriggers.clear();
        }
        if (flusher != null) {
            flusher.cancel(false);
        }
        if (clock != null) {
            clock.shutdown();
        }
        ExecutionState result = finalState;
        if (chain != null) {
            try {
                chain.close();
            } catch (Throwable t) {
                OutOfMemoryExit.haltIfOutOfMemory(t);
                if (result == ExecutionState.FINISHED) {
                    result = ExecutionState.FAILED;
                    failure = ErrorInfo.of(t);
                    LOG.warn("Task {} failed while closing its operators", tdd.taskName(), t);
                } else {
                    LOG.debug("Error while closing task {} after {}", tdd.taskName(), finalState, t);
                }
            }
        }
        if (result != ExecutionState.FINISHED) {
            for (RecordWriter<Object> w : writers) {
                w.releaseUnsent();
            }
            for (ResultPartition p : partitions) {
                p.release();
            }
            if (gate != null) {
                gate.release();
            }
            cancelPendingInputRequests();
        }
        return result;
    }

    private void report(ExecutionState outcome, ErrorInfo failureInfo) {
        ErrorInfo error = failureInfo;
        ExecutionState finalState = outcome;
        synchronized (stateLock) {
            if (state == ExecutionState.CANCELING && finalState == ExecutionState.FINISHED) {
                // the cancel request arrived after the work was done: the JobMaster asked for CANCELED
                finalState = ExecutionState.CANCELED;
            }
            try {
                if (finalState == ExecutionState.CANCELED && state != ExecutionState.CANCELING) {
                    state = state.checkTransition(ExecutionState.CANCELING, tdd.taskName());
                }
                state = state.checkTransition(finalState, tdd.taskName());
            } catch (IllegalStateException bug) {
                // a bug, reported loudly as the task's failure rather than leaving the JobMaster waiting
                LOG.error("Task {} of job {} ended in an illegal state", tdd.taskName(), tdd.jobId(), bug);
                finalState = ExecutionState.FAILED;
                error = ErrorInfo.of(bug);
                state = ExecutionState.FAILED;
            }
        }
        counters.bytesOut = writers.stream().mapToLong(RecordWriter::bytesOut).sum();
        counters.backPressuredNanos = partitions.stream().mapToLong(ResultPartition::backPressuredNanos).sum()
                + outputWaitNanos;
        LOG.info("Task {} of job {} is {}", tdd.taskName(), tdd.jobId(), finalState);
        try {
            jobMaster.updateTaskExecutionState(new TaskExecutionState(tdd.attemptId(), finalState, error,
                    counters.asMap(tdd.vertex().getName())));
        } finally {
            onTerminated.accept(this);
        }
    }

    private void setInterruptible(boolean value) {
        synchronized (stateLock) {
            interruptible = value;
        }
    }

    private void setUpPartitions() {
        List<IntermediateDataSet> produced = tdd.vertex().getProducedDataSets();
        for (int i = 0; i < tdd.partitions().size(); i++) {
            ResultPartitionDeploymentDescriptor d = tdd.partitions().get(i);
            int n = d.numberOfSubpartitions();
            LocalBufferPool pool = new LocalBufferPool(services.bufferPool(), n + 1,
                    n * services.buffersPerChannel() + services.floatingBuffers(), tdd.taskName());
            ResultPartition p = new ResultPartition(d.partitionId(), n, pool,
                    () -> services.partitionManager().unregister(d.partitionId()));
            partitions.add(p);
            services.partitionManager().register(p);
            StreamEdge edge = produced.get(i).getStreamEdge();
            StreamPartitioner<Object> partitioner = StreamPartitioner.create(edge.partitionType(),
                    edge.keySelector(), edge.target().getMaxParallelism(), n, tdd.subtaskIndex());
            writers.add(new RecordWriter<>(p, partitioner, serializerOf(produced.get(i))));
        }
    }

    @SuppressWarnings("unchecked")
    private TypeSerializer<Object> serializerOf(IntermediateDataSet ds) {
        TypeInformation<Object> type = (TypeInformation<Object>) ds.getStreamEdge().source().getOutputType();
        ClassLoader cl = tdd.userCodeClassLoader();
        return type == null ? new DynamicSerializer(cl) : type.createSerializer(cl).duplicate();
    }

    private void setUpInputGate() {
        if (tdd.inputGates().isEmpty()) {
            return;
        }
        gate = new InputGate(mailbox::signalInput);
        FloatingBufferBudget floating = new FloatingBufferBudget(services.floatingBuffers());
        for (InputGateDeploymentDescriptor g : tdd.inputGates()) {
            IntermediateDataSet ds = tdd.vertex().getInputs().stream().map(JobEdge::source)
                    .filter(s -> s.getId().equals(g.dataSetId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unknown input data set " + g.dataSetId()));
            for (InputChannelDescriptor c : g.channels()) {
                InputChannel channel = gate.addChannel(c.partitionId(), serializerOf(ds));
                CompletableFuture<SubpartitionView> request = services.partitionConnector().requestSubpartition(
                        new SubpartitionRequest(c, g.consumedSubpartitionIndex(), tdd.taskName(), floating));
                inputRequests.add(request);
                request.thenAccept(view -> gate.connect(channel, view)).exceptionally(t -> failFromOtherThread(t, c));
            }
        }
    }

    /** Fails the task on its own thread because its input {@code c} cannot be connected; any thread. */
    private Void failFromOtherThread(Throwable t, InputChannelDescriptor c) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (!(cause instanceof CancellationException)) {
            mailbox.put(() -> {
                throw new IllegalStateException("Cannot connect input partition " + c.partitionId() + " of task "
                        + tdd.taskName() + " (job " + tdd.jobId() + ", producer on TaskManager "
                        + c.producerLocation() + "): " + cause, cause);
            });
        }
        return null;
    }

    /** Withdraws input requests still waiting for their producer (the task ends early). */
    private void cancelPendingInputRequests() {
        for (CompletableFuture<?> request : inputRequests) {
            request.cancel(false);
        }
    }

    private void scheduleFlush() {
        long interval = Math.max(1, tdd.jobConfig().get(CoreOptions.BUFFER_TIMEOUT).toMillis());
        if (writers.isEmpty()) {
            return;
        }
        flusher = services.timerThread().scheduleWithFixedDelay(() -> mailbox.put(this::flushOutputs), interval,
                interval, TimeUnit.MILLISECONDS);
    }

    private void flushOutputs() {
        for (RecordWriter<Object> w : writers) {
            w.flushAll();
        }
    }

    private void checkCanceled() {
        if (isCanceling()) {
            throw new CancelTaskException();
        }
    }

    private void runSource(SourceOperator<?> source) throws Exception {
        while (true) {
            if (mailbox.hasMail()) {
                mailbox.runMails();
            }
            checkCanceled();
            if (!outputsAvailable()) {
                awaitOutputOrMail();
                continue;
            }
            InputStatus status = source.emitNext();
            if (status == InputStatus.END_OF_INPUT) {
                return;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                source.available().thenRun(mailbox::signalInput);
                awaitInputOrMail();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void runInput(Object head) throws Exception {
        OneInputStreamOperator<Object, ?> op = (OneInputStreamOperator<Object, ?>) head;
        BarrierAligner aligner = new BarrierAligner(gate, new ForwardingCheckpointActions());
        RecordDeserializer<Object> current = null;
        long in = 0;
        try {
            while (true) {
                if (mailbox.hasMail()) {
                    mailbox.runMails();
                    checkCanceled();
                }
                if (!outputsAvailable()) {
                    awaitOutputOrMail();
                    continue;
                }
                if (current != null) {
                    Object record = current.next();
                    if (record != null) {
                        in++;
                        op.processElement(record);
                        continue;
                    }
                    current = null;
                }
                BufferOrEvent next = gate.pollNext();
                if (next == null) {
                    if (gate.isFinished()) {
                        return;
                    }
                    checkCanceled();
                    awaitInputOrMail();
                } else if (!next.isEvent()) {
                    current = next.channel().deserializer();
                } else {
                    onEvent(next, aligner);
                }
            }
        } finally {
            counters.recordsIn = in;
        }
    }

    private void onEvent(BufferOrEvent next, BarrierAligner aligner) throws Exception {
        // end of data needs nothing: the channel's end of partition follows it, and the input ends at the last one
        RuntimeEvent event = next.event();
        if (event instanceof RuntimeEvent.CheckpointBarrier barrier) {
            aligner.onBarrier(next.channel(), barrier);
        } else if (event instanceof RuntimeEvent.CancelCheckpointMarker marker) {
            aligner.onCancelMarker(marker.checkpointId());
        } else if (event instanceof RuntimeEvent.EndOfPartition) {
            aligner.onChannelFinished();
        }
    }

    private void awaitInputOrMail() throws InterruptedException {
        long since = System.nanoTime();
        try {
            mailbox.awaitInputOrMail();
        } finally {
            counters.idleNanos += System.nanoTime() - since;
        }
    }

    /** Whether every output can take a buffer without waiting (cheap: one volatile read per output). */
    private boolean outputsAvailable() {
        for (int i = 0; i < writers.size(); i++) {
            if (!writers.get(i).isAvailable()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits, under backpressure, until an output has a buffer again or a mail arrives (so checkpoint triggers and
     * cancellation still run), re-checking at least every {@link #OUTPUT_RECHECK_NANOS}: a segment another pool of
     * the TaskManager frees completes no future of this task's pools.
     */
    private void awaitOutputOrMail() throws InterruptedException {
        long since = System.nanoTime();
        try {
            for (RecordWriter<Object> w : writers) {
                CompletableFuture<Void> availability = w.availability();
                if (!availability.isDone()) {
                    availability.thenRun(mailbox::signalInput);
                    mailbox.awaitInputOrMail(OUTPUT_RECHECK_NANOS);
                    return;
                }
            }
        } finally {
            outputWaitNanos += System.nanoTime() - since;
        }
    }

    /**
     * The checkpoint actions of a task without state of its own (until operators snapshot): a ready checkpoint's
     * barrier and an abandoned one's cancel marker are passed on to every output.
     */
    private final class ForwardingCheckpointActions implements BarrierAligner.Actions {
        @Override
        public void checkpointReady(RuntimeEvent.CheckpointBarrier barrier) {
            broadcast(barrier);
        }

        @Override
        public void checkpointAbandoned(long checkpointId, String reason) {
            LOG.debug("Task {} abandons checkpoint {}: {}", tdd.taskName(), checkpointId, reason);
            broadcast(new RuntimeEvent.CancelCheckpointMarker(checkpointId));
        }
    }

    /** Passes {@code event} on to every output, behind the records emitted so far. Task thread. */
    void broadcast(RuntimeEvent event) {
        for (RecordWriter<Object> w : writers) {
            w.broadcastEvent(event);
        }
    }

    /** Ends the task thread's work when the task is being cancelled. */
    private static final class CancelTaskException extends RuntimeException {
        CancelTaskException() {
            super("task canceled", null, false, false);
        }
    }
}
