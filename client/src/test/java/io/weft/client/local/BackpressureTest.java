package io.weft.client.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A slow sink must slow the source down: in a JVM with a 40 MB heap, 150 MB of records pass through 2 MB of
 * network memory, and the records produced but not yet consumed never exceed what the network buffers hold.
 */
class BackpressureTest {
    @Test
    void slowSinkThrottlesSourceWithBoundedMemory() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-Xmx40m", "-cp", System.getProperty("java.class.path"),
                BackpressureJob.class.getName(), "150000")).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("job JVM ended in time").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            Matcher m = Pattern.compile("consumed=(\\d+) maxInFlight=(\\d+)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(150_000);
            long maxInFlight = Long.parseLong(m.group(2));
            // 2 MB of 32 KB buffers hold at most ~2,100 records of 1 KB; the source must have been held back
            assertThat(maxInFlight).as(out).isGreaterThan(100).isLessThan(3_000);
        } finally {
            p.destroyForcibly();
        }
    }
}
