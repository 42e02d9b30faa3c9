package io.weft.jobmanager.rest;

import io.weft.config.IllegalConfigurationException;
import io.weft.config.JobConfiguration;
import io.weft.jobmanager.rest.messages.JarListInfo;
import io.weft.jobmanager.rest.messages.JarRunRequest;
import io.weft.jobmanager.rest.messages.JarRunResponse;
import io.weft.jobmanager.rest.messages.JarUploadResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The jar endpoints, Flink's way of submitting a job over REST: {@code POST /jars/upload} (multipart, file part
 * {@code jarfile}), {@code GET /jars}, {@code DELETE /jars/:jarid} and {@code POST /jars/:jarid/run}.
 *
 * <p>Stateless; each handler runs on a network event loop, checks the request there, and hands file work to the
 * {@link JarStore}'s thread and program runs to the {@link JarRunner}.
 */
final class JarHandlers {
    /** The form field that carries the jar, as Flink's web front end and CLI send it. */
    static final String JAR_FIELD = "jarfile";
    private static final String RUN_EXAMPLE =
            "{\"entryClass\":\"com.example.Main\",\"programArgsList\":[\"--input\",\"in.txt\"],\"parallelism\":2,"
                    + "\"flinkConfiguration\":{\"restart-strategy.type\":\"none\"}}";
    private final JarStore jarStore;
    private final JarRunner jarRunner;

    JarHandlers(JarStore jarStore, JarRunner jarRunner) {
        this.jarStore = jarStore;
        this.jarRunner = jarRunner;
    }

    CompletableFuture<RestResponse> upload(RestRequest request) {
        String type = contentType(request);
        if (!type.startsWith("multipart/form-data")) {
            throw RestException.badRequest("POST /jars/upload expects a multipart/form-data body (not '"
                    + JobIds.abbreviate(type) + "') with the jar in a file part named '" + JAR_FIELD
                    + "', as 'curl -F " + JAR_FIELD + "=@job.jar http://HOST:PORT/jars/upload' sends it");
        }
        FormFile jar = request.files().stream().filter(f -> JAR_FIELD.equals(f.fieldName())).findFirst()
                .orElseThrow(() -> RestException.badRequest("The multipart body has no file part named '"
                        + JAR_FIELD + "' (file parts: " + request.files().stream().map(FormFile::fieldName).toList()
                        + "): send the jar as '" + JAR_FIELD + "'"));
        return jarStore.store(jar.fileName(), jar.file())
                .thenApply(stored -> RestResponse.ok(new JarUploadResponse(stored.id(), "success")));
    }

    CompletableFuture<RestResponse> list(RestRequest request) {
        return jarStore.list().thenApply(jars -> RestResponse.ok(new JarListInfo(jars.stream()
                .map(j -> new JarListInfo.Item(j.id(), j.name(), j.uploaded())).toList())));
    }

    CompletableFuture<RestResponse> delete(RestRequest request) {
        return jarStore.delete(JarStore.checkJarId(request.pathParameter("jarid")))
                .thenApply(v -> RestResponse.ok(Map.of()));
    }

    /**
     * Runs a stored jar. The JSON body's fields win over the query parameters {@code entry-class},
     * {@code programArg} (comma-separated) and {@code parallelism}, which Flink also accepts; its
     * {@code flinkConfiguration} holds the job's own settings of job-level keys.
     */
    CompletableFuture<RestResponse> run(RestRequest request) {
        String jarId = JarStore.checkJarId(request.pathParameter("jarid"));
        if (contentType(request).startsWith("multipart/form-data") || !request.files().isEmpty()) {
            // its parts would be dropped unread: the program would run with defaults the client did not ask for
            throw RestException.badRequest("POST /jars/:jarid/run takes a JSON body, not multipart/form-data: upload "
                    + "the jar with POST /jars/upload, then run it with a body like " + RUN_EXAMPLE);
        }
        JarRunRequest body = request.hasBody() ? RestMapper.readBody(request.body(), JarRunRequest.class, RUN_EXAMPLE)
                : new JarRunRequest(null, null, null, null);
        String entryClass = body.entryClass() != null ? body.entryClass()
                : request.queryParameter("entry-class").orElse(null);
        if (entryClass != null && entryClass.isBlank()) {
            entryClass = null;
        }
        List<String> args = body.programArgsList() != null ? body.programArgsList()
                : request.queryParameter("programArg").map(a -> Arrays.asList(a.split(","))).orElse(List.of());
        if (args.stream().anyMatch(Objects::isNull)) {
            throw RestException.badRequest("'programArgsList' contains null: give every argument as a string, as in "
                    + RUN_EXAMPLE);
        }
        Integer parallelism = body.parallelism() != null ? body.parallelism()
                : request.queryParameter("parallelism").map(JarHandlers::parseParallelism).orElse(null);
        if (parallelism != null && parallelism < 1) {
            throw RestException.badRequest("'parallelism' must be at least 1, not " + parallelism);
        }
        Map<String, String> jobConfiguration = jobConfiguration(body);
        String entry = entryClass;
        List<String> programArgs = List.copyOf(args);
        return jarStore.withJar(jarId, jar -> jarRunner.run(jar, entry, programArgs, parallelism, jobConfiguration))
                .thenApply(jobId -> RestResponse.ok(new JarRunResponse(jobId.toString())));
    }

    /**
     * The job's own settings of the body's {@code flinkConfiguration}, each a known job-level key with a valid value:
     * a cluster setting, an unknown key or a bad value is a 400 naming the key.
     */
    private static Map<String, String> jobConfiguration(JarRunRequest body) {
        if (body.flinkConfiguration() == null) {
            return Map.of();
        }
        try {
            JobConfiguration.validate(body.flinkConfiguration(), "'flinkConfiguration'");
        } catch (IllegalConfigurationException e) {
            throw RestException.badRequest(e.getMessage());
        }
        return Map.copyOf(body.flinkConfiguration());
    }

    /** The request's Content-Type in lower case, empty when there is none. */
    private static String contentType(RestRequest request) {
        return request.contentType() == null ? "" : request.contentType().trim().toLowerCase(Locale.ROOT);
    }

    private static Integer parseParallelism(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw RestException.badRequest("Query parameter 'parallelism' must be an integer, not '"
                    + JobIds.abbreviate(text) + "'");
        }
    }
}
