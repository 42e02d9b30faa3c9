package io.weft.dist.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * A program that keeps its JVM at the heap limit: it fills 85% of the heap with data it holds on to, prints
 * "at the heap limit", then allocates garbage in the rest, so that the collector runs all the time, for at most
 * ten minutes.
 */
public final class HeapPressure {
    private static final List<byte[]> HELD = new ArrayList<>();

    private HeapPressure() {
    }

    public static void main(String[] args) {
        Runtime runtime = Runtime.getRuntime();
        long target = (long) (runtime.maxMemory() * 0.85);
        while (runtime.totalMemory() - runtime.freeMemory() < target) {
            HELD.add(new byte[64 << 10]);
        }
        System.out.println("at the heap limit");
        System.out.flush();
        long deadline = System.nanoTime() + 600_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            byte[] garbage = new byte[256 << 10];
            sink += garbage.length;
        }
        System.out.println(sink + HELD.size());
    }
}
