package io.weft.api.functions;

/**
 * Timers of the current key. Event-time timers fire when the watermark passes them (a bounded input ends with
 * the watermark at {@code Long.MAX_VALUE}); processing-time timers fire by the wall clock. A timer registered
 * twice for the same key and time fires once.
 */
public interface TimerService {
    long currentProcessingTime();

    long currentWatermark();

    void registerEventTimeTimer(long time);

    void registerProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);
}
