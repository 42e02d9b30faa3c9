package io.weft.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Prints what a followed job waits for — the {@code waiting-for} field of {@code GET /jobs/:jobid} — as a line
 * "Waiting for 4 slots (…)", again whenever it changes and every {@link #REPEAT} while it does not, so that an
 * attached run waiting for YARN containers says so instead of staying silent. Confined to the CLI's thread.
 */
final class WaitingReporter {
    static final Duration REPEAT = Duration.ofSeconds(30);
    private static final Pattern ELAPSED = Pattern.compile(", for \\d+ s$");

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private String last;
    private long lastPrintedNanos;

    WaitingReporter(PrintStream out) {
        this(out, System::nanoTime);
    }

    WaitingReporter(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    /** Takes the job's latest details. */
    void update(JsonNode details) {
        String waiting = details.path("waiting-for").asText("");
        if (waiting.isEmpty()) {
            last = null;
            return;
        }
        String unchanged = ELAPSED.matcher(waiting).replaceFirst("");
        long now = nanoClock.getAsLong();
        if (!unchanged.equals(last) || now - lastPrintedNanos >= REPEAT.toNanos()) {
            out.println("Waiting for " + waiting);
            last = unchanged;
            lastPrintedNanos = now;
        }
    }
}
