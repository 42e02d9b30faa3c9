package io.weft.config;

import java.time.Duration;

/**
 * Options of the JobManager's REST endpoint (the Dispatcher's HTTP interface): where it listens, the address
 * clients use, how large a request may be, and where uploaded job jars are kept.
 */
public final class RestOptions {
    public static final ConfigOption<Integer> PORT = ConfigOptions.portOption("rest.port", 8081,
            "Port of the REST endpoint; 0 picks a free port (the JobManager logs the one it bound).");

    public static final ConfigOption<String> ADDRESS = ConfigOptions.stringOption("rest.address", "localhost",
            "Host name or address clients use to reach the REST endpoint (weft run -m HOST:PORT, the YARN "
                    + "tracking URL).");

    public static final ConfigOption<String> BIND_ADDRESS = ConfigOptions.stringOption("rest.bind-address",
            "127.0.0.1", "Address the REST endpoint listens on. The default accepts local connections only; "
                    + "YARN and standalone clusters set 0.0.0.0 (or the host's address) so clients on other hosts "
                    + "can connect.");

    public static final ConfigOption<MemorySize> SERVER_MAX_CONTENT_LENGTH = ConfigOptions.memoryOption(
            "rest.server.max-content-length", MemorySize.parse("1gb"),
            "Largest request body the REST endpoint accepts (a job jar upload included); larger ones get 413 with a "
                    + "line naming this key. Uploads stream to disk (web.upload.dir), so this bounds disk, not memory; "
                    + "bodies that are not multipart/form-data uploads are held in memory and limited to 1mb.");

    public static final ConfigOption<Duration> IDLENESS_TIMEOUT = ConfigOptions.durationOption(
            "rest.idleness-timeout", Duration.ofMinutes(5),
            "A REST connection that neither receives nor sends anything for this long is closed (a client that"
                    + " announces a body and never sends it does not hold a connection forever).");

    public static final ConfigOption<String> UPLOAD_DIR = ConfigOptions.stringOption("web.upload.dir", "",
            "Directory for job jars uploaded through REST (POST /jars/upload), created owner-only when missing; jars "
                    + "in it survive a JobManager restart. Empty: a fresh owner-only temporary directory, deleted when "
                    + "the JobManager stops.");

    /** How REST calls that change state or run code are authenticated. */
    public enum Authentication {
        /** A bearer token derived from the cluster secret (see {@code RestToken}). */
        TOKEN,
        /** None: anyone who reaches the port may upload and run code, cancel jobs and stop the cluster. */
        NONE
    }

    public static final ConfigOption<Authentication> AUTHENTICATION = ConfigOptions.enumOption(
            "rest.authentication", Authentication.class, Authentication.TOKEN,
            "How REST calls that change state or run code (uploads, runs, cancels, DELETE /cluster) are "
                    + "authenticated: 'token' requires the bearer token derived from the cluster secret, which the "
                    + "weft CLI sends by itself; 'none' lets anyone who reaches the port do them (logged as a "
                    + "warning at start). Reading (GET) needs no token either way.");

    private RestOptions() {
    }
}
