package io.weft.jobmanager.rest;

import io.weft.api.WeftException;
import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.RestOptions;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.resourcemanager.ResourceManager;
import io.weft.jobmanager.rest.netty.NettyRestServer;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.runtime.rpc.RestToken;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's REST endpoint: Flink's REST API for jobs, TaskManagers, configuration and job jars, served over
 * HTTP with JSON bodies. It owns the route table, the jar store and the HTTP server.
 *
 * <h2>API</h2>
 * <pre>
 *   GET    /overview                  TaskManagers, slots, jobs by outcome
 *   GET    /config                    refresh interval, time zone, version
 *   GET    /jobs                      {"jobs":[{"id","status"}]}
 *   GET    /jobs/overview             name, state and times of every job
 *   GET    /jobs/:jobid               state, times, vertices and subtasks with their slots
 *   GET    /jobs/:jobid/exceptions    the failure that ended the job and every failed attempt
 *   PATCH  /jobs/:jobid[?mode=cancel] cancels the job: 202, 409 when it has ended
 *   GET    /taskmanagers              {"taskmanagers":[{"id","slotsNumber","freeSlots"}]}
 *   POST   /jars/upload               multipart, file part "jarfile"
 *   GET    /jars                      the uploaded jars
 *   DELETE /jars/:jarid
 *   DELETE /cluster (YARN sessions)
 *   POST   /jars/:jarid/run           {"entryClass","programArgsList","parallelism"}: {"jobid"}
 * </pre>
 * Every call but a {@code GET} needs {@code Authorization: Bearer <token>}, the {@link RestToken} of the cluster
 * secret, unless {@code rest.authentication} is {@code none}; without it the answer is 401.
 * Every error is {@code {"errors":["what is wrong and how to fix it"]}} with a 4xx status for bad input (400, 401, 404,
 * 405, 409, 413); 500 only for a bug, which is logged with its stack trace.
 *
 * <h2>Threading and life cycle</h2>
 * Network event loops only parse requests and write answers: handlers ask the Dispatcher and ResourceManager,
 * which answer with futures, and the answer is written when they complete; file work runs on the jar store's
 * thread. {@link #start} binds and returns the running endpoint; {@link #close()} stops the server, then the jar
 * store (deleting a temporary jar directory).
 */
public final class RestEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestEndpoint.class);
    private final NettyRestServer server;
    private final JarStore jarStore;
    private final String advertisedAddress;

    private RestEndpoint(NettyRestServer server, JarStore jarStore, String advertisedAddress) {
        this.server = server;
        this.jarStore = jarStore;
        this.advertisedAddress = advertisedAddress;
    }

    /**
     * Starts the endpoint as {@code config}'s {@code rest.*} and {@code web.upload.dir} say.
     *
     * @param jarRunner runs uploaded jars for {@code POST /jars/:jarid/run}
     * @throws IllegalConfigurationException for an unusable limit or upload directory
     * @throws WeftException when the server cannot listen (the message names the setting to change)
     */
    public static RestEndpoint start(Configuration config, ClusterSecret secret, Dispatcher dispatcher,
            ResourceManager resourceManager, JarRunner jarRunner) {
        return start(config, secret, dispatcher, resourceManager, jarRunner, null);
    }

    /**
     * Starts the endpoint, with {@code DELETE /cluster} when {@code clusterShutdown} is not null: it answers 202
     * and runs {@code clusterShutdown} (which must not block) to stop the cluster, as a YARN session does.
     */
    public static RestEndpoint start(Configuration config, ClusterSecret secret, Dispatcher dispatcher,
            ResourceManager resourceManager, JarRunner jarRunner, Runnable clusterShutdown) {
        Objects.requireNonNull(jarRunner, "jarRunner");
        long maxContentLength = maxContentLength(config);
        RestToken token = token(config, secret);
        JarStore jarStore = createJarStore(config);
        try {
            RestRouter router = routes(new JobHandlers(dispatcher, resourceManager), new ClusterHandlers(dispatcher, resourceManager,
                    clusterShutdown), new JarHandlers(jarStore, jarRunner), clusterShutdown != null);
            NettyRestServer server = NettyRestServer.start(config.get(RestOptions.BIND_ADDRESS),
                    config.get(RestOptions.PORT), maxContentLength, jarStore.directory(),
                    config.get(RestOptions.IDLENESS_TIMEOUT), token, router, RestMapper.mapper());
            RestEndpoint endpoint = new RestEndpoint(server, jarStore, config.get(RestOptions.ADDRESS));
            LOG.info("REST endpoint up at {} (listening on {})", endpoint.restAddress(), server.boundAddress());
            return endpoint;
        } catch (RuntimeException e) {
            jarStore.close();
            throw e;
        }
    }

    /** The route table: the one place listing the REST API. */
    private static RestRouter routes(JobHandlers jobs, ClusterHandlers cluster, JarHandlers jars,
            boolean canShutDown) {
        RestRouter.Builder routes = RestRouter.builder();
        if (canShutDown) {
            routes.add("DELETE", "/cluster", cluster::shutdown);
        }
        return routes
                .add("GET", "/overview", cluster::overview)
                .add("GET", "/config", cluster::config)
                .add("GET", "/taskmanagers", cluster::taskManagers)
                .add("GET", "/jobs", jobs::listJobs)
                .add("GET", "/jobs/overview", jobs::jobsOverview)
                .add("GET", "/jobs/:jobid", jobs::jobDetails)
                .add("PATCH", "/jobs/:jobid", jobs::cancelJob)
                .add("GET", "/jobs/:jobid/exceptions", jobs::jobExceptions)
                .add("POST", "/jars/upload", jars::upload)
                .add("GET", "/jars", jars::list)
                .add("DELETE", "/jars/:jarid", jars::delete)
                .add("POST", "/jars/:jarid/run", jars::run)
                .build();
    }

    /** The token calls must carry, or null when {@code rest.authentication} is {@code none}. */
    private static RestToken token(Configuration config, ClusterSecret secret) {
        if (config.get(RestOptions.AUTHENTICATION) == RestOptions.Authentication.NONE) {
            LOG.warn("REST authentication is off ({}: none): anyone who reaches the REST port can upload and run"
                    + " code as this cluster's user, cancel jobs and stop the cluster; remove the setting unless"
                    + " only trusted users can reach the port", RestOptions.AUTHENTICATION.key());
            return null;
        }
        return RestToken.of(Objects.requireNonNull(secret, "a cluster secret is needed for REST authentication"));
    }

    private static long maxContentLength(Configuration config) {
        long bytes = config.get(RestOptions.SERVER_MAX_CONTENT_LENGTH).bytes();
        if (bytes < 1) {
            throw new IllegalConfigurationException(RestOptions.SERVER_MAX_CONTENT_LENGTH.key() + " is " + bytes
                    + " bytes: set it to at least 1 byte, such as 1gb");
        }
        return bytes;
    }

    private static JarStore createJarStore(Configuration config) {
        String dir = config.get(RestOptions.UPLOAD_DIR).trim();
        try {
            return dir.isEmpty() ? JarStore.createTemporary() : JarStore.create(Path.of(dir));
        } catch (IOException | InvalidPathException e) {
            throw new IllegalConfigurationException("Cannot use '" + dir + "' for uploaded jars (" + e + "): set "
                    + RestOptions.UPLOAD_DIR.key() + " to a writable directory, or leave it empty for a temporary one");
        }
    }

    /** The port the server listens on (the bound one when {@code rest.port} is 0). */
    public int port() {
        return server.boundAddress().getPort();
    }

    /** The URL clients use: {@code http://<rest.address>:<port>}. */
    public String restAddress() {
        return "http://" + advertisedAddress + ":" + port();
    }

    /** The directory holding uploaded jars. */
    public Path jarDirectory() {
        return jarStore.directory();
    }

    @Override
    public void close() {
        String address = restAddress();
        server.close();
        jarStore.close();
        LOG.info("REST endpoint at {} stopped", address);
    }
}
