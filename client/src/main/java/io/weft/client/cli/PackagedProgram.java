package io.weft.client.cli;

import io.weft.api.datastream.StreamExecutionEnvironment;
import io.weft.api.JobExecutionResult;
import io.weft.api.execution.JobClient;
import io.weft.api.execution.JobListener;
import io.weft.config.Configuration;
import io.weft.runtime.classloading.ChildFirstClassLoader;
import io.weft.runtime.entrypoint.ProgramExit;
import io.weft.runtime.entrypoint.SystemExitGuard;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program packaged in a jar: the checked jar, a class loader over it and the entry class's {@code main} method,
 * which it runs inside the execution context the CLI set up.
 *
 * <h2>Checks</h2>
 * {@link #open} refuses, each with a one-line {@link UsageException}: a jar that does not exist, a file that is not
 * a jar, no entry class (neither {@code -c} nor {@code Main-Class}), an entry class that cannot be found or loaded,
 * and an entry class without {@code public static void main(String[])}.
 *
 * <h2>Class loading</h2>
 * The jar's classes are loaded by a {@link ChildFirstClassLoader} whose parent is the CLI's class loader (the
 * job's own classes first; Weft, the JDK, logging, Hadoop and Avro from the CLI),
 * so the program shares Weft's API classes with the CLI.
 *
 * <h2>Threading and life cycle</h2>
 * Opened, run and closed on the CLI's thread; {@link #close()} closes the class loader, after which the program's
 * classes must no longer be used.
 */
final class PackagedProgram implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PackagedProgram.class);

    private final Path jar;
    private final String mainClassName;
    private final URLClassLoader classLoader;
    private final Method main;

    private PackagedProgram(Path jar, String mainClassName, URLClassLoader classLoader, Method main) {
        this.jar = jar;
        this.mainClassName = mainClassName;
        this.classLoader = classLoader;
        this.main = main;
    }

    /**
     * Checks the jar and finds the entry point.
     *
     * @param jarArgument the jar as given on the command line
     * @param mainClass the entry class given by {@code -c}, or null for the manifest's {@code Main-Class}
     * @param parent the parent of the program's class loader
     * @throws UsageException for each problem listed in the class documentation
     */
    static PackagedProgram open(String jarArgument, String mainClass, ClassLoader parent) {
        Path jar = checkJar(jarArgument);
        Manifest manifest = readManifest(jar);
        String className = mainClass != null ? mainClass : mainClassOf(manifest, jar);
        URLClassLoader loader = new ChildFirstClassLoader(new URL[] {toUrl(jar)}, parent, List.of());
        try {
            Method main = findMain(loader, className, jar);
            return new PackagedProgram(jar, className, loader, main);
        } catch (RuntimeException e) {
            closeQuietly(loader, e);
            throw e;
        }
    }

    /** The entry class's name. */
    String getMainClassName() {
        return mainClassName;
    }

    /**
     * Runs {@code main(args)} with the context that {@link StreamExecutionEnvironment#getExecutionEnvironment()}
     * hands the program: {@code configuration}, this program's class loader (also the thread's context class
     * loader while it runs) and {@code listeners}. The context is removed afterwards, whatever happens. A
     * {@code System.exit} of the program is refused while it runs ({@link SystemExitGuard}) and judged by the rule
     * of {@link ProgramExit}.
     *
     * @throws ProgramInvocationException whose cause is what {@code main} threw, or the failure its
     *     {@code System.exit} made of the run
     */
    void run(List<String> args, Configuration configuration, List<JobListener> listeners)
            throws ProgramInvocationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        SubmissionListener submissions = new SubmissionListener();
        List<JobListener> all = new ArrayList<>(listeners);
        all.add(submissions);
        StreamExecutionEnvironment.initializeContext(configuration, classLoader, all);
        SystemExitGuard.Scope exits = SystemExitGuard.enter();
        try {
            main.invoke(null, (Object) args.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            if (endedByExit(exits, submissions)) {
                return;
            }
            throw new ProgramInvocationException("The main method of " + getMainClassName() + " threw",
                    e.getCause() == null ? e : e.getCause());
        } catch (ExceptionInInitializerError e) {
            endedByExit(exits, submissions);
            throw new ProgramInvocationException("The static initializer of " + getMainClassName() + " threw",
                    e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException e) {
            throw new UsageException("Cannot call " + getMainClassName() + ".main: " + e.getMessage(), e);
        } finally {
            exits.close();
            StreamExecutionEnvironment.resetContext();
            thread.setContextClassLoader(previous);
        }
        endedByExit(exits, submissions);
    }

    /**
     * Applies the rule of {@link ProgramExit} when the program called {@code System.exit}: throws the failure the
     * exit makes of the run, or tells whether it ended {@code main} as a return would (code 0 on the main thread,
     * after the job was submitted; code 0 on another thread after that leaves the outcome to {@code main}).
     *
     * @return whether {@code main} ended by an exit that counts as its return
     */
    private boolean endedByExit(SystemExitGuard.Scope exits, SubmissionListener submissions)
            throws ProgramInvocationException {
        ProgramExit exit = exits.exit().orElse(null);
        if (exit == null) {
            return false;
        }
        RuntimeException failure = exit.failure(submissions.submitted);
        if (failure != null) {
            throw new ProgramInvocationException("The program of " + getMainClassName() + " called System.exit",
                    failure);
        }
        LOG.info("{} called System.exit(0) on thread '{}' after submitting its job: taken as a return",
                getMainClassName(), exit.thread());
        return exit.mainThread();
    }

    /** Notes whether the program submitted a job; called on the thread that runs its {@code execute()}. */
    private static final class SubmissionListener implements JobListener {
        private volatile boolean submitted;

        @Override
        public void onJobSubmitted(JobClient client) {
            submitted = true;
        }

        @Override
        public void onJobExecuted(JobExecutionResult result, Throwable failure) {
            // the submission is what counts
        }
    }

    /** Closes the class loader; a failure to do so is logged, as the program's outcome is already decided. */
    @Override
    public void close() {
        try {
            classLoader.close();
        } catch (IOException e) {
            LOG.warn("Cannot close the class loader of {}", jar, e);
        }
    }

    @Override
    public String toString() {
        return getMainClassName() + " in " + jar;
    }

    private static Path checkJar(String jarArgument) {
        Path jar;
        try {
            jar = Path.of(jarArgument).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("'" + jarArgument + "' is not a valid path for the job jar: " + e.getReason());
        }
        if (!Files.exists(jar)) {
            throw new UsageException("Job jar " + jar + " does not exist: check the path");
        }
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("Job jar " + jar + " is not a file: give the path of a .jar file");
        }
        if (!Files.isReadable(jar)) {
            throw new UsageException("Job jar " + jar + " is not readable: check its permissions");
        }
        return jar;
    }

    /** The jar's manifest, or null when it has none; opening the jar checks that it is one. */
    private static Manifest readManifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        } catch (IOException | SecurityException e) {
            throw new UsageException(jar + " is not a jar file (" + describe(e) + "): give the path of a jar");
        }
    }

    private static String mainClassOf(Manifest manifest, Path jar) {
        String name = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        if (name == null || name.isBlank()) {
            throw new UsageException(jar + " has no Main-Class in its manifest: name the entry class with -c "
                    + "MAIN_CLASS");
        }
        return name.trim();
    }

    private static Method findMain(ClassLoader loader, String className, Path jar) {
        if (className.isBlank()) {
            throw new UsageException("-c needs a class name, such as -c com.example.WordCount");
        }
        Class<?> entryClass;
        try {
            entryClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new UsageException("Main class " + className + " not found in " + jar
                    + ": check -c or the jar's Main-Class (a fully qualified name such as com.example.WordCount)");
        } catch (LinkageError e) {
            throw new UsageException("Main class " + className + " in " + jar + " cannot be loaded ("
                    + describe(e) + "): check that the jar holds its dependencies", e);
        }
        Method main;
        try {
            main = entryClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw noMain(className, jar);
        } catch (LinkageError e) {
            throw new UsageException("Main class " + className + " in " + jar + " cannot be linked ("
                    + describe(e) + "): check that the jar holds its dependencies", e);
        }
        if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
            throw noMain(className, jar);
        }
        // The entry class itself may be package-private, as the java launcher allows.
        main.setAccessible(true);
        return main;
    }

    private static UsageException noMain(String className, Path jar) {
        return new UsageException("Class " + className + " in " + jar + " has no public static void main(String[]) "
                + "method: name the program's entry class with -c MAIN_CLASS");
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UsageException("Job jar " + jar + " has no URL form: " + e.getMessage(), e);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(URLClassLoader loader, Throwable primary) {
        try {
            loader.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
