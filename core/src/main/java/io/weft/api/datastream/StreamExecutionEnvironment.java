package io.weft.api.datastream;

import io.weft.api.JobExecutionException;
import io.weft.api.JobExecutionResult;
import io.weft.api.RuntimeExecutionMode;
import io.weft.api.InvalidProgramException;
import io.weft.api.connector.Sink;
import io.weft.api.connector.Source;
import io.weft.api.execution.JobClient;
import io.weft.api.execution.JobListener;
import io.weft.api.execution.PipelineExecutor;
import io.weft.api.execution.PipelineExecutorFactory;
import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import io.weft.config.DeploymentOptions;
import io.weft.config.IllegalConfigurationException;
import io.weft.graph.JobGraph;
import io.weft.graph.JobGraphGenerator;
import io.weft.graph.OneInputTransformation;
import io.weft.graph.SourceTransformation;
import io.weft.graph.StreamGraph;
import io.weft.graph.StreamGraphGenerator;
import io.weft.graph.Transformation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;

/**
 * The entry point of a program: creates sources, holds the job's settings, and submits the job on
 * {@link #execute(String)} to whatever target the program was started for.
 *
 * <p>{@link #getExecutionEnvironment()} returns an environment configured by the context: the CLI sets it up for
 * its target ({@code weft run -t ...}); without a CLI, the embedded cluster runs the job in this JVM. Not
 * thread-safe: build and execute a program on one thread.
 */
public class StreamExecutionEnvironment {
    private static volatile ContextSettings context;

    private final Configuration configuration;
    private final List<Transformation<?>> transformations = new ArrayList<>();
    private final List<JobListener> listeners = new ArrayList<>();
    private final ClassLoader userClassLoader;
    private PlanCapture capture;

    public StreamExecutionEnvironment(Configuration configuration) {
        this(configuration, Thread.currentThread().getContextClassLoader());
    }

    protected StreamExecutionEnvironment(Configuration configuration, ClassLoader userClassLoader) {
        this.configuration = new Configuration(configuration);
        this.userClassLoader = userClassLoader == null ? getClass().getClassLoader() : userClassLoader;
    }

    /** The environment of the context the program runs in (CLI target, else the embedded cluster). */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return getExecutionEnvironment(new Configuration());
    }

    /** As {@link #getExecutionEnvironment()}, with {@code overrides} applied over the context's configuration. */
    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration overrides) {
        ContextSettings c = context;
        Configuration conf = new Configuration(c == null ? new Configuration() : c.configuration());
        conf.addAll(overrides);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf,
                c == null ? Thread.currentThread().getContextClassLoader() : c.userClassLoader());
        if (c != null) {
            env.listeners.addAll(c.listeners());
            env.capture = c.capture();
        }
        return env;
    }

    /**
     * Installs the context that {@link #getExecutionEnvironment()} uses from now on; called by the CLI before it
     * runs a program's {@code main()}.
     */
    public static void initializeContext(Configuration configuration, ClassLoader userClassLoader,
            List<JobListener> listeners) {
        context = new ContextSettings(new Configuration(configuration), userClassLoader, List.copyOf(listeners),
                null);
    }

    /**
     * Installs a context in which {@code execute()} submits nothing: it hands the job graph to {@code capture}
     * and ends the program by throwing {@link PlanCapture.ProgramEnd}. Used to re-create a job's graph from its
     * jar (see {@link PlanCapture}).
     */
    static void initializeCaptureContext(Configuration configuration, ClassLoader userClassLoader,
            PlanCapture capture) {
        context = new ContextSettings(new Configuration(configuration), userClassLoader, List.of(), capture);
    }

    /** Removes the context installed by {@link #initializeContext}. */
    public static void resetContext() {
        context = null;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, not " + parallelism);
        }
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return this;
    }

    public int getParallelism() {
        return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
    }

    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException("Max parallelism must be within 1..32768, not " + maxParallelism);
        }
        configuration.set(CoreOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
        configuration.set(CoreOptions.RUNTIME_MODE, mode);
        return this;
    }

    public void registerJobListener(JobListener listener) {
        listeners.add(listener);
    }

    /** A stream read from a source. */
    public <T> DataStreamSource<T> fromSource(Source<T> source, String name) {
        SourceTransformation<T> t = new SourceTransformation<>(name, source);
        transformations.add(t);
        return new DataStreamSource<>(this, t);
    }

    /** A bounded stream of the given elements (for tests and examples), read by one subtask. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(T... elements) {
        return fromData(List.of(elements));
    }

    /** A bounded stream of the given elements (for tests and examples), read by one subtask. */
    public <T> DataStreamSource<T> fromData(Collection<T> elements) {
        DataStreamSource<T> s = fromSource(new CollectionSource<>(elements), "Collection Source");
        s.setParallelism(1);
        return s;
    }

    void addTransformation(Transformation<?> t) {
        transformations.add(t);
    }

    /** The operator-level graph of what has been defined so far. */
    public StreamGraph getStreamGraph(String jobName) {
        return new StreamGraphGenerator(configuration).generate(jobName, transformations);
    }

    /**
     * Submits the job and, when attached (the default), waits for its end.
     *
     * @return the result of a FINISHED job (in detached mode: of a job that was just submitted)
     * @throws JobExecutionException when the job FAILED or was CANCELED, with the root cause
     */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        if (!configuration.get(DeploymentOptions.ATTACHED)) {
            return new JobExecutionResult(client.getJobID(), io.weft.api.JobStatus.RUNNING, 0, java.util.Map.of());
        }
        try {
            JobExecutionResult result = client.getJobExecutionResult().get();
            listeners.forEach(l -> l.onJobExecuted(result, null));
            return result;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            listeners.forEach(l -> l.onJobExecuted(null, cause));
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** Submits the job and returns once the target accepted it. */
    public JobClient executeAsync(String jobName) throws Exception {
        if (capture != null) {
            if (capture.validatesConnectors()) {
                // sources only: a sink's check may create its output, which a capture must not do
                validateConnectors(false);
            }
            StreamGraph captured = getStreamGraph(jobName);
            transformations.clear();
            throw capture.capture(new JobGraphGenerator().generate(captured));
        }
        validateConnectors(true);
        StreamGraph streamGraph = getStreamGraph(jobName);
        transformations.clear();
        JobGraph jobGraph = new JobGraphGenerator().generate(streamGraph);
        JobClient client = findExecutor().execute(jobGraph, configuration, userClassLoader);
        listeners.forEach(l -> l.onJobSubmitted(client));
        return client;
    }

    private void validateConnectors(boolean withSinks) {
        for (Transformation<?> t : transformations) {
            Object connector = t instanceof SourceTransformation<?> s ? s.getSource()
                    : t instanceof OneInputTransformation<?, ?> o ? o.getSink() : null;
            try {
                if (connector instanceof Source<?> source) {
                    source.validate(configuration);
                } else if (withSinks && connector instanceof Sink<?> sink) {
                    sink.validate(configuration);
                }
            } catch (InvalidProgramException e) {
                throw e;
            } catch (Exception e) {
                throw new InvalidProgramException("'" + t.getName() + "': " + e.getMessage(), e);
            }
        }
    }

    private PipelineExecutor findExecutor() {
        String target = configuration.get(DeploymentOptions.TARGET);
        for (PipelineExecutorFactory f : ServiceLoader.load(PipelineExecutorFactory.class, userClassLoader)) {
            if (f.name().equals(target)) {
                return f.getExecutor(configuration);
            }
        }
        throw new IllegalConfigurationException("No executor for execution.target '" + target
                + "' on the classpath: run the program with 'weft run', or add weft-client to the classpath");
    }

    private record ContextSettings(Configuration configuration, ClassLoader userClassLoader,
            List<JobListener> listeners, PlanCapture capture) {
    }
}
