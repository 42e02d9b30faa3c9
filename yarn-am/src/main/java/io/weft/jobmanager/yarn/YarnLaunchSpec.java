package io.weft.jobmanager.yarn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.api.FatalException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the client tells the ApplicationMaster about its application, written as JSON into {@value #FILE_NAME}
 * (a local resource of the AM's container): the mode, the staging directory to delete at the end, the files every
 * TaskManager container localizes, Weft's classpath entries and — per-job and application mode — the program to
 * run. The cluster secret is never part of it. Immutable.
 *
 * @param mode the deployment mode
 * @param stagingDir the fully qualified staging directory ({@code hdfs://…/.weft/<application id>}), deleted by
 *     the ApplicationMaster when the application ends
 * @param resources the files localized into containers, each marked whether TaskManagers need it too
 * @param classpath Weft's classpath entries relative to a container's working directory ({@code weft-dist.jar},
 *     {@code lib/*}); the cluster's {@code yarn.application.classpath} follows them
 * @param program the program to run, null in session mode
 */
public record YarnLaunchSpec(Mode mode, String stagingDir, List<ShippedResource> resources, List<String> classpath,
        Program program) {
    /** The name of the JSON file in the ApplicationMaster's working directory. */
    public static final String FILE_NAME = "weft-launch.json";
    /** The name of the configuration file in every container's working directory. */
    public static final String CONFIG_FILE_NAME = "weft-conf.yaml";
    /** The name of the Log4j configuration in every container's working directory. */
    public static final String LOG_CONFIG_FILE_NAME = "log4j2.properties";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public YarnLaunchSpec {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(stagingDir, "stagingDir");
        resources = List.copyOf(resources);
        classpath = List.copyOf(classpath);
        if ((program == null) != (mode == Mode.SESSION)) {
            throw new IllegalArgumentException("A " + mode.cliName() + " application "
                    + (program == null ? "needs" : "takes no") + " program");
        }
    }

    /** The deployment modes, by the names of their {@code -t yarn-…} targets. */
    public enum Mode {
        /** One application per job, ending with it; the client checked the program before deploying. */
        PER_JOB,
        /** A long-running cluster that runs the jobs submitted to its REST endpoint. */
        SESSION,
        /** The program's {@code main()} runs in the ApplicationMaster; the application ends with its job. */
        APPLICATION;

        /** {@code per-job}, {@code session} or {@code application}. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A file in the staging or a provided lib directory, as YARN localizes it.
     *
     * @param name the file name in the container's working directory
     * @param uri the fully qualified file URI
     * @param size its length, which YARN checks
     * @param timestamp its modification time, which YARN checks
     * @param visibility {@code PUBLIC}, {@code PRIVATE} or {@code APPLICATION}
     * @param forTaskManagers whether TaskManager containers localize it too (the job jar they fetch otherwise)
     */
    public record ShippedResource(String name, String uri, long size, long timestamp, String visibility,
            boolean forTaskManagers) {
        public ShippedResource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(visibility, "visibility");
            if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
                throw new IllegalArgumentException("Resource name '" + name + "' is not a plain file name");
            }
        }
    }

    /**
     * The program an ApplicationMaster runs at start.
     *
     * @param jar the job jar's name in the AM's working directory
     * @param entryClass the class whose {@code main} to run, null for the manifest's {@code Main-Class}
     * @param args the program's arguments
     * @param parallelism the default parallelism, null for the configured one
     */
    public record Program(String jar, String entryClass, List<String> args, Integer parallelism) {
        public Program {
            Objects.requireNonNull(jar, "jar");
            args = List.copyOf(args);
        }
    }

    /** This spec as JSON. */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the launch spec as JSON", e);
        }
    }

    /** Parses {@link #toJson()}'s output. */
    public static YarnLaunchSpec fromJson(String json) {
        try {
            return JSON.readValue(json, YarnLaunchSpec.class);
        } catch (JsonProcessingException e) {
            throw new FatalException("The launch spec is not valid: " + e.getOriginalMessage()
                    + " (the client and the ApplicationMaster must be the same Weft version)", e);
        }
    }

    /** Reads the spec from {@code file}. */
    public static YarnLaunchSpec read(Path file) {
        try {
            return fromJson(java.nio.file.Files.readString(file));
        } catch (IOException e) {
            throw new FatalException("Cannot read " + file + ": " + e.getMessage()
                    + " (the ApplicationMaster must be started by the Weft client)", e);
        }
    }
}
