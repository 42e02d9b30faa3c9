package io.weft.runtime.entrypoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link OutOfMemoryExitTest}: installs the ends of a Weft process, then does what its one
 * argument says — runs out of heap on the main thread or another one, catches the error and hands it over wrapped,
 * or blocks its shutdown — and prints "ready" when there is something to wait for. Single-threaded but for the
 * threads it starts.
 */
public final class OutOfMemoryChild {
    private static final List<byte[]> HELD = new ArrayList<>();

    private OutOfMemoryChild() {
    }

    public static void main(String[] args) throws Exception {
        ProcessShutdown.install("TestProcess", "test.memory.size");
        switch (args[0]) {
            case "main" -> fillHeap();
            case "thread" -> {
                Thread filler = new Thread(OutOfMemoryChild::fillHeap, "filler");
                filler.start();
                filler.join();
                System.err.println("the filler thread ended and the process went on");
                System.exit(1);
            }
            case "wrapped" -> {
                try {
                    fillHeap();
                } catch (OutOfMemoryError e) {
                    HELD.clear();
                    OutOfMemoryExit.haltIfOutOfMemory(new IllegalStateException("a task failed",
                            new RuntimeException(e)));
                }
                System.err.println("haltIfOutOfMemory returned");
                System.exit(1);
            }
            case "not-out-of-memory" -> {
                OutOfMemoryExit.haltIfOutOfMemory(new IllegalStateException("nothing to do with memory"));
                System.exit(0);
            }
            case "blocked-shutdown" -> {
                CountDownLatch never = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "blocking-hook"));
                System.out.println("ready");
                System.out.flush();
                never.await();
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void fillHeap() {
        while (true) {
            HELD.add(new byte[1 << 20]);
        }
    }
}
