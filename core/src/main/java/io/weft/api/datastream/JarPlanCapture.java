package io.weft.api.datastream;

import io.weft.api.InvalidProgramException;
import io.weft.config.Configuration;
import io.weft.graph.JobGraph;
import io.weft.runtime.classloading.ChildFirstClassLoader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Captures the job graph of a program packaged as a jar: loads the jar in a child-first class loader of its own,
 * runs its entry class's {@code main} with {@link PlanCapture}, and hands back the graph with the loader (which the
 * caller closes when the job ends). Used by the JobManager to turn an uploaded jar into a job, and by TaskManagers
 * to re-create the job's operators.
 *
 * <p>Runs the program on the calling thread, with the loader as its context class loader; stateless.
 */
public final class JarPlanCapture {
    private JarPlanCapture() {
    }

    /**
     * Runs the program and returns its job graph.
     *
     * @param entryClass the class whose {@code main} to run, or null for the jar's {@code Main-Class}
     * @throws InvalidProgramException naming the jar or class and the fix when the jar cannot be read, has no
     *     entry class, or the program fails or defines no job; the loader is closed then
     */
    public static Captured capture(Path jar, String entryClass, List<String> args, Configuration configuration,
            ClassLoader parent) {
        return capture(jar, entryClass, args, configuration, parent, false);
    }

    /**
     * Runs the program and returns its job graph; with {@code validateConnectors} its sources are checked
     * as for a submission (see {@link PlanCapture#capture(PlanCapture.ProgramCall, Configuration, ClassLoader,
     * boolean)}).
     */
    public static Captured capture(Path jar, String entryClass, List<String> args, Configuration configuration,
            ClassLoader parent, boolean validateConnectors) {
        String mainClass = entryClass != null ? entryClass : manifestMainClass(jar);
        ChildFirstClassLoader loader = new ChildFirstClassLoader(new URL[] {url(jar)}, parent, List.of());
        try {
            Method main = mainMethod(loader, mainClass, jar);
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            current.setContextClassLoader(loader);
            try {
                JobGraph graph = PlanCapture.capture(() -> main.invoke(null, (Object) args.toArray(new String[0])),
                        configuration, loader, validateConnectors);
                return new Captured(graph, loader, mainClass);
            } finally {
                current.setContextClassLoader(previous);
            }
        } catch (RuntimeException | Error e) {
            closeQuietly(loader);
            throw e;
        }
    }

    /** Closes a loader, ignoring failures (its jar may already be gone). */
    public static void closeQuietly(ChildFirstClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // nothing to do: the loader is unusable either way
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

    /** A captured job, the class loader of its code and the entry class that defined it. */
    public record Captured(JobGraph graph, ChildFirstClassLoader loader, String entryClass) {
    }
}
