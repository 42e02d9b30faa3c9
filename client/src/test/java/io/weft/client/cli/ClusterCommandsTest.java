package io.weft.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** list, status and cancel without a reachable cluster, and with malformed arguments. */
class ClusterCommandsTest {
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void listWithoutAClusterIsExitThreeWithOneLine() throws IOException {
        CliResult r = CliResult.of(Map.of(), "list", "-m", "127.0.0.1:" + freePort());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.CLUSTER_UNREACHABLE);
        assertThat(r.errLines()).as(r.toString()).hasSize(1).first().asString()
                .contains("Cannot reach the JobManager at 127.0.0.1:").contains("-m HOST:PORT");
    }

    @Test
    void statusOfAMalformedIdIsExitTwo() throws IOException {
        CliResult r = CliResult.of(Map.of(), "status", "not-a-job-id", "-m", "127.0.0.1:" + freePort());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).hasSize(1).first().asString().contains("not-a-job-id").contains("weft list");
    }

    @Test
    void aMalformedAddressIsExitTwo() {
        CliResult r = CliResult.of(Map.of(), "cancel", "0123456789abcdef0123456789abcdef", "-m", "nohostport");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).hasSize(1).first().asString().contains("HOST:PORT");
    }

    @Test
    void cancelWithoutAJobIdPointsAtItsHelp() {
        CliResult r = CliResult.of(Map.of(), "cancel");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLines()).hasSize(1).first().asString().contains("weft cancel --help");
    }
}
