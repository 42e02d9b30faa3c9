package io.weft.runtime.classloading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's jar wins over the parent for its own classes and resources, but never for parent-first prefixes such as
 * Weft's own classes.
 */
class ChildFirstClassLoaderTest {
    @TempDir
    static Path dir;
    private static URL parentJar;
    private static URL jobJar;

    @BeforeAll
    static void buildJars() throws IOException {
        parentJar = jar("parent", "lib.Version", "parent", "io.weft.Fake", "parent").toUri().toURL();
        jobJar = jar("job", "lib.Version", "job", "io.weft.Fake", "job").toUri().toURL();
    }

    /** A jar with two classes whose toString() returns {@code tag}, and a resource holding {@code tag}. */
    private static Path jar(String tag, String class1, String tag1, String class2, String tag2) throws IOException {
        Path src = Files.createDirectories(dir.resolve(tag + "-src"));
        Path classes = Files.createDirectories(dir.resolve(tag + "-classes"));
        List<String> files = new java.util.ArrayList<>();
        for (String[] c : new String[][] {{class1, tag1}, {class2, tag2}}) {
            String pkg = c[0].substring(0, c[0].lastIndexOf('.'));
            String simple = c[0].substring(c[0].lastIndexOf('.') + 1);
            Path f = src.resolve(simple + ".java");
            Files.writeString(f, "package " + pkg + "; public class " + simple
                    + " { @Override public String toString() { return \"" + c[1] + "\"; } }");
            files.add(f.toString());
        }
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString()));
        args.addAll(files);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(new String[0]))).isZero();
        Path jar = dir.resolve(tag + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (String c : List.of(class1, class2)) {
                String entry = c.replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(entry));
                j.write(Files.readAllBytes(classes.resolve(entry)));
                j.closeEntry();
            }
            j.putNextEntry(new JarEntry("version.txt"));
            j.write(tag.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    @Test
    void jobClassesAndResourcesComeFirst() throws Exception {
        try (URLClassLoader parent = new URLClassLoader(new URL[] {parentJar}, null);
                ChildFirstClassLoader job = new ChildFirstClassLoader(new URL[] {jobJar}, parent, List.of())) {
            assertThat(job.loadClass("lib.Version").getDeclaredConstructor().newInstance()).hasToString("job");
            assertThat(job.getResource("version.txt").openStream().readAllBytes()).asString(StandardCharsets.UTF_8)
                    .isEqualTo("job");
            assertThat(Collections.list(job.getResources("version.txt"))).hasSize(2);
        }
    }

    @Test
    void parentFirstPrefixesComeFromTheParent() throws Exception {
        try (URLClassLoader parent = new URLClassLoader(new URL[] {parentJar}, null);
                ChildFirstClassLoader job = new ChildFirstClassLoader(new URL[] {jobJar}, parent, List.of("lib."))) {
            assertThat(job.loadClass("io.weft.Fake").getDeclaredConstructor().newInstance()).hasToString("parent");
            assertThat(job.loadClass("lib.Version").getDeclaredConstructor().newInstance()).hasToString("parent");
        }
    }
}
