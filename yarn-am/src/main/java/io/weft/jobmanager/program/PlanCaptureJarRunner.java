package io.weft.jobmanager.program;

import io.weft.api.InvalidProgramException;
import io.weft.api.JobID;
import io.weft.api.datastream.PlanCapture;
import io.weft.config.Configuration;
import io.weft.config.CoreOptions;
import io.weft.graph.JobGraph;
import io.weft.jobmanager.dispatcher.Dispatcher;
import io.weft.jobmanager.rest.JarRunner;
import io.weft.runtime.classloading.ChildFirstClassLoader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an uploaded jar on the JobManager: loads it in a child-first class loader of its own, runs its entry
 * class's {@code main} with {@link PlanCapture} (so its {@code execute()} hands over the job graph instead of
 * submitting anywhere), and submits that graph to the Dispatcher. The class loader is closed when the job ends.
 *
 * <p>Programs run one at a time on a thread of their own ("jar-runner"); the returned future completes there.
 */
public final class PlanCaptureJarRunner implements JarRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanCaptureJarRunner.class);
    private final Dispatcher dispatcher;
    private final Configuration configuration;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jar-runner");
        t.setDaemon(true);
        return t;
    });

    public PlanCaptureJarRunner(Dispatcher dispatcher, Configuration configuration) {
        this.dispatcher = dispatcher;
        this.configuration = configuration;
    }

    @Override
    public CompletableFuture<JobID> run(Path jar, String entryClass, List<String> args, Integer parallelism) {
        return CompletableFuture.supplyAsync(() -> capture(jar, entryClass, args, parallelism), thread)
                .thenCompose(captured -> dispatcher.submitJob(captured.graph(), captured.loader())
                        .whenComplete((id, e) -> {
                            if (e != null) {
                                close(captured.loader());
                            } else {
                                dispatcher.requestJobResult(id).whenComplete((r, x) -> close(captured.loader()));
                            }
                        }));
    }

    private Captured capture(Path jar, String entryClass, List<String> args, Integer parallelism) {
        String mainClass = entryClass != null ? entryClass : manifestMainClass(jar);
        ChildFirstClassLoader loader = new ChildFirstClassLoader(new URL[] {url(jar)},
                PlanCaptureJarRunner.class.getClassLoader(), List.of());
        try {
            Method main = mainMethod(loader, mainClass, jar);
            Configuration conf = new Configuration(configuration);
            if (parallelism != null) {
                if (parallelism < 1) {
                    throw new InvalidProgramException("Parallelism must be at least 1, not " + parallelism);
                }
                conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
            }
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            current.setContextClassLoader(loader);
            try {
                JobGraph graph = PlanCapture.capture(() -> main.invoke(null, (Object) args.toArray(new String[0])),
                        conf, loader);
                LOG.info("Program {} of {} defined job {} ({})", mainClass, jar, graph.name(), graph.jobId());
                return new Captured(graph, loader);
            } finally {
                current.setContextClassLoader(previous);
            }
        } catch (RuntimeException e) {
            close(loader);
            throw e;
        }
    }

    private static String manifestMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (main == null) {
                throw new InvalidProgramException("The jar has no Main-Class in its manifest: give entryClass");
            }
            return main;
        } catch (IOException e) {
            throw new InvalidProgramException("Cannot read the jar " + jar.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Method mainMethod(ClassLoader loader, String className, Path jar) {
        try {
            Method main = Class.forName(className, false, loader).getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new InvalidProgramException("main of " + className + " is not static");
            }
            return main;
        } catch (ClassNotFoundException e) {
            throw new InvalidProgramException("Entry class " + className + " is not in " + jar.getFileName()
                    + ": check entryClass or the jar's Main-Class", e);
        } catch (NoSuchMethodException e) {
            throw new InvalidProgramException("Class " + className + " has no public static void main(String[])",
                    e);
        } catch (LinkageError e) {
            throw new InvalidProgramException("Entry class " + className + " cannot be loaded: " + e, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new InvalidProgramException("Bad jar path " + jar + ": " + e.getMessage(), e);
        }
    }

    private static void close(ChildFirstClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("Closing the class loader of a job jar failed", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** A captured job and the class loader of its code. */
    private record Captured(JobGraph graph, ChildFirstClassLoader loader) {
    }
}
