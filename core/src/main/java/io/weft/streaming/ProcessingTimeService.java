package io.weft.streaming;

/**
 * The wall clock of a task and timers on it; callbacks run on the task thread (through its mailbox), never
 * concurrently with record processing.
 */
public interface ProcessingTimeService {
    long currentProcessingTime();

    /** Runs {@code callback} on the task thread once the clock reaches {@code timestamp}. */
    void registerTimer(long timestamp, ProcessingTimeCallback callback);

    /** A timer callback, given the time it was registered for. */
    @FunctionalInterface
    interface ProcessingTimeCallback {
        void onProcessingTime(long timestamp) throws Exception;
    }
}
