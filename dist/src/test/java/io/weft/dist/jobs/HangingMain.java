package io.weft.dist.jobs;

/** A program whose {@code main} never defines a job: it waits (at most ten minutes) and returns. */
public final class HangingMain {
    private HangingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(600_000);
    }
}
