package io.weft.client.cli;

import io.weft.api.JobID;
import io.weft.client.cluster.JobJars;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds job jars for tests: compiles Java sources against weft-core with the system compiler and packs the classes
 * into a jar with an optional {@code Main-Class}.
 *
 * <p>Stateless; each call works in the directories it is given.
 */
final class TestJars {
    private TestJars() {
    }

    /**
     * Compiles {@code sources} (fully qualified class name → source text) into {@code dir/classes}.
     *
     * @return the directory holding the compiled classes
     */
    static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath", coreClasspath(),
                    "-proc:none", "-nowarn");
            boolean ok = compiler.getTask(diagnostics, fileManager, null, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new AssertionError("Test sources do not compile:\n" + diagnostics);
            }
        }
        return classes;
    }

    /**
     * Packs every file under {@code classes} into {@code jar}.
     *
     * @param mainClass the manifest's Main-Class, or null for a manifest without one
     */
    static Path jar(Path classes, Path jar, String mainClass) throws IOException {
        return JobJars.pack(classes, mainClass, jar);
    }

    /** Where weft-core's classes are (a jar or a classes directory), for compiling programs that use its API. */
    private static String coreClasspath() {
        try {
            return Path.of(JobID.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
