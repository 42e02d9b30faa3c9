package io.weft.client.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs compiled classes into a job jar (for tests and benchmarks that submit their own programs). Stateless. */
public final class JobJars {
    private JobJars() {
    }

    /**
     * Writes every file under {@code classes} into {@code jar}.
     *
     * @param mainClass the manifest's Main-Class, or null for a manifest without one
     */
    public static Path pack(Path classes, String mainClass, Path jar) throws IOException {
        return pack(List.of(classes), mainClass, jar, name -> true);
    }

    /**
     * Writes the files under each of {@code classRoots} whose jar entry name {@code include} accepts into
     * {@code jar}.
     *
     * @param mainClass the manifest's Main-Class, or null for a manifest without one
     */
    public static Path pack(List<Path> classRoots, String mainClass, Path jar, Predicate<String> include)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path root : classRoots) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                        String name = root.relativize(p).toString().replace('\\', '/');
                        if (include.test(name)) {
                            out.putNextEntry(new JarEntry(name));
                            out.write(Files.readAllBytes(p));
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return jar;
    }
}
