package io.weft.streaming.operators;

import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Timers of one kind (event or processing time) of a keyed operator, ordered by time; a (key, time) pair is
 * held once.
 *
 * <p>Task thread only.
 */
final class TimerQueue {
    /** One timer. */
    record Timer(long timestamp, Object key) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            return Long.compare(timestamp, o.timestamp);
        }
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private final Set<Timer> present = new HashSet<>();

    /** Adds a timer; returns whether it is now the earliest one (so a wake-up must be scheduled). */
    boolean add(Object key, long timestamp) {
        Timer t = new Timer(timestamp, key);
        if (present.add(t)) {
            queue.add(t);
            return queue.peek() == t;
        }
        return false;
    }

    void remove(Object key, long timestamp) {
        Timer t = new Timer(timestamp, key);
        if (present.remove(t)) {
            queue.remove(t);
        }
    }

    /** Removes and returns the earliest timer due at {@code time}, or null. */
    Timer pollDue(long time) {
        Timer head = queue.peek();
        if (head == null || head.timestamp() > time) {
            return null;
        }
        queue.poll();
        present.remove(head);
        return head;
    }

    /** The earliest timestamp, or Long.MAX_VALUE when empty. */
    long earliest() {
        Timer head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.timestamp();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
