package io.weft.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RestToken;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Talks to a Weft (or Flink-compatible) JobManager through its REST endpoint: lists jobs, reads a job's status and
 * exceptions, cancels, and submits a jar (upload, then run).
 *
 * <p>Thread-safe; every call blocks the calling thread until the answer, bounded by the request timeout.
 */
public final class RestClusterClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The slowest upload rate waited for: a jar's upload may take its size at this rate on top of the timeout. */
    private static final long UPLOAD_BYTES_PER_SECOND = 1L << 20;
    private final String address;
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final RestToken token;

    /**
     * A client that sends no token: enough for reading (GET) only.
     *
     * @param address {@code host:port} of the REST endpoint
     * @throws IllegalArgumentException when the address is not {@code host:port}
     */
    public RestClusterClient(String address, Duration timeout) {
        this(address, timeout, null);
    }

    /**
     * @param address {@code host:port} of the REST endpoint
     * @param token the cluster's REST token, sent with every request, or null when none was found
     * @throws IllegalArgumentException when the address is not {@code host:port}
     */
    public RestClusterClient(String address, Duration timeout, RestToken token) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1 || !address.substring(colon + 1).chars()
                .allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + address + "' is not HOST:PORT: give the JobManager's REST"
                    + " address, such as localhost:8081");
        }
        this.address = address;
        this.base = URI.create("http://" + address);
        this.timeout = timeout;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Every job's id and status ({@code GET /jobs}). */
    public List<Map.Entry<String, String>> listJobs() {
        JsonNode jobs = send(HttpRequest.newBuilder(base.resolve("/jobs")).GET()).path("jobs");
        List<Map.Entry<String, String>> result = new ArrayList<>();
        for (JsonNode j : jobs) {
            result.add(Map.entry(j.path("id").asText(), j.path("status").asText()));
        }
        return result;
    }

    /** The cluster's overview ({@code GET /overview}); answers once the REST endpoint is up. */
    public JsonNode overview() {
        return send(HttpRequest.newBuilder(base.resolve("/overview")).GET());
    }

    /** Asks the cluster to shut down ({@code DELETE /cluster}); a YARN session then ends its application. */
    public void shutDownCluster() {
        send(HttpRequest.newBuilder(base.resolve("/cluster")).DELETE());
    }

    /** Every registered TaskManager with its slots ({@code GET /taskmanagers}). */
    public List<JsonNode> taskManagers() {
        List<JsonNode> result = new ArrayList<>();
        send(HttpRequest.newBuilder(base.resolve("/taskmanagers")).GET()).path("taskmanagers").forEach(result::add);
        return result;
    }

    /** A job's details ({@code GET /jobs/:jobid}). */
    public JsonNode jobDetails(String jobId) {
        return send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId)).GET());
    }

    /** The failure that ended a job, or null ({@code GET /jobs/:jobid/exceptions}). */
    public String rootException(String jobId) {
        JsonNode root = send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "/exceptions")).GET())
                .path("root-exception");
        return root.isMissingNode() || root.isNull() ? null : root.asText();
    }

    /** Asks the cluster to cancel a job ({@code PATCH /jobs/:jobid}). */
    public void cancel(String jobId) {
        send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * Uploads a jar and runs it ({@code POST /jars/upload}, then {@code POST /jars/:jarid/run}), then deletes the
     * uploaded jar ({@code DELETE /jars/:jarid}): the cluster keeps its own copy for the job's TaskManagers.
     *
     * @return the new job's id
     * @throws RestRequestException 413 when the jar is larger than the cluster's
     *     {@code rest.server.max-content-length} (the message names the key)
     */
    public String submitJar(Path jar, String entryClass, List<String> args, Integer parallelism) throws IOException {
        return submitJar(jar, entryClass, args, parallelism, Map.of());
    }

    /**
     * As {@link #submitJar(Path, String, List, Integer)}, with the job's own settings of job-level keys (sent as
     * {@code flinkConfiguration}, as Flink's run request does), for this job only.
     *
     * @throws RestRequestException 400 naming the key when the cluster refuses a setting (unknown, or a cluster
     *     setting)
     */
    public String submitJar(Path jar, String entryClass, List<String> args, Integer parallelism,
            Map<String, String> jobConfiguration) throws IOException {
        String jarId = uploadJar(jar);
        try {
            var run = JSON.createObjectNode();
            if (entryClass != null) {
                run.put("entryClass", entryClass);
            }
            var argList = run.putArray("programArgsList");
            args.forEach(argList::add);
            if (parallelism != null) {
                run.put("parallelism", parallelism);
            }
            if (!jobConfiguration.isEmpty()) {
                var settings = run.putObject("flinkConfiguration");
                jobConfiguration.forEach(settings::put);
            }
            JsonNode started = send(HttpRequest.newBuilder(base.resolve("/jars/" + jarId + "/run"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(run.toString())));
            return started.path("jobid").asText();
        } finally {
            deleteJarQuietly(jarId);
        }
    }

    /**
     * Uploads a jar, streaming it from disk; returns its jar id. Without {@code Expect: 100-continue}: Java 17's
     * client waits for ever when the answer to it is not 100; a jar over the cluster's limit is answered 413 at
     * once, and the cluster drops the rest of the body as it arrives.
     */
    public String uploadJar(Path jar) throws IOException {
        String boundary = "weft-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long size = Files.size(jar);
        JsonNode uploaded = send(HttpRequest.newBuilder(base.resolve("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(jar), HttpRequest.BodyPublishers.ofByteArray(tail))),
                timeout.plus(Duration.ofSeconds(size / UPLOAD_BYTES_PER_SECOND)));
        String filename = uploaded.path("filename").asText();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    /** Deletes an uploaded jar ({@code DELETE /jars/:jarid}); a failure is left for the cluster to clean. */
    private void deleteJarQuietly(String jarId) {
        try {
            send(HttpRequest.newBuilder(base.resolve("/jars/" + jarId)).DELETE());
        } catch (RuntimeException e) {
            // the jar stays in the cluster's upload directory until deleted there; the run's outcome matters more
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode send(HttpRequest.Builder request) {
        return send(request, timeout);
    }

    private JsonNode send(HttpRequest.Builder request, Duration requestTimeout) {
        HttpResponse<String> response;
        if (token != null) {
            request.header(RestToken.HEADER, token.headerValue());
        }
        try {
            response = http.send(request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
                throw new ClusterUnreachableException("Cannot reach the JobManager at " + address + ": unknown host '"
                        + base.getHost() + "'; check the host name in -m HOST:PORT", e);
            }
            throw new ClusterUnreachableException("Cannot reach the JobManager at " + address + " (connection"
                    + " refused): check -m HOST:PORT and that the cluster runs", e);
        } catch (IOException e) {
            if (e instanceof ProtocolException || String.valueOf(e.getMessage()).startsWith("parsing HTTP")) {
                // the bytes it answered with are not for a terminal
                throw new ClusterUnreachableException("The process at " + address + " does not answer HTTP: -m"
                        + " must name the JobManager's REST port (rest.port, 8081 by default), not its RPC port", e);
            }
            throw new ClusterUnreachableException("No answer from the JobManager at " + address + " (" + e + "):"
                    + " check -m HOST:PORT and the network", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnreachableException("Interrupted while waiting for " + address, e);
        }
        if (response.statusCode() == 401) {
            throw new RestRequestException(401, token == null
                    ? "The JobManager at " + address + " needs the cluster's REST token and none was found here:"
                            + " run where the cluster secret is readable, or set security.cluster-secret.file or "
                            + ClusterSecret.ENV_VARIABLE
                    : "The JobManager at " + address + " refused this client's REST token: the cluster secret"
                            + " found here is not that cluster's; check security.cluster-secret.file and "
                            + ClusterSecret.ENV_VARIABLE);
        }
        JsonNode body;
        try {
            body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RestRequestException(response.statusCode(), "The JobManager at " + address
                    + " answered with something that is not JSON (status " + response.statusCode() + ")");
        }
        if (response.statusCode() >= 400) {
            List<String> errors = new ArrayList<>();
            body.path("errors").forEach(e -> errors.add(e.asText()));
            throw new RestRequestException(response.statusCode(), errors.isEmpty()
                    ? "The JobManager at " + address + " answered " + response.statusCode()
                    : String.join("; ", errors));
        }
        return body;
    }
}
