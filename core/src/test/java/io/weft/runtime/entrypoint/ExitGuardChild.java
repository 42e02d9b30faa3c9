package io.weft.runtime.entrypoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link SystemExitGuardTest}: installs the ends of a Weft process (and with them the guard), then
 * calls {@code System.exit} or one of Weft's own exit paths where its one argument says, and prints what it saw on
 * stdout ("refused ProgramExit[…]"). Single-threaded but for the threads it starts.
 */
public final class ExitGuardChild {
    private static final List<byte[]> HELD = new ArrayList<>();

    private ExitGuardChild() {
    }

    public static void main(String[] args) throws Exception {
        ProcessShutdown.install("TestProcess", "test.memory.size");
        System.out.println("installed " + SystemExitGuard.isInstalled());
        SystemExitGuard.Scope scope = SystemExitGuard.enter();
        switch (args[0]) {
            case "main" -> exitAndReport(scope, 3);
            case "started-thread" -> {
                Thread worker = new Thread(() -> exitAndReport(scope, 4), "worker");
                worker.start();
                worker.join();
            }
            case "nested" -> {
                try (SystemExitGuard.Scope inner = SystemExitGuard.enter()) {
                    exitAndReport(inner, 7);
                }
                System.out.println("outer " + scope.exit());
            }
            case "thread-of-elsewhere" -> {
                scope.close();
                CountDownLatch open = new CountDownLatch(1);
                Thread elsewhere = exitWhen(open, 5, "elsewhere");
                SystemExitGuard.enter();
                open.countDown();
                elsewhere.join();
            }
            case "after-close" -> {
                CountDownLatch closed = new CountDownLatch(1);
                Thread late = exitWhen(closed, 6, "late");
                scope.close();
                closed.countDown();
                late.join();
            }
            case "fatal" -> ProcessShutdown.fatal(new IllegalStateException("a component broke"));
            case "out-of-memory" -> {
                while (true) {
                    HELD.add(new byte[1 << 20]);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        scope.close();
        System.out.flush();
        System.exit(0);
    }

    private static void exitAndReport(SystemExitGuard.Scope scope, int status) {
        try {
            System.exit(status);
            System.out.println("System.exit returned");
        } catch (SystemExitGuard.ExitRefusedException e) {
            System.out.println("refused " + scope.exit().orElse(null));
        }
    }

    /** Starts a thread that calls {@code System.exit(status)} once {@code latch} opens. */
    private static Thread exitWhen(CountDownLatch latch, int status, String name) {
        Thread thread = new Thread(() -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(status);
        }, name);
        thread.start();
        return thread;
    }
}
