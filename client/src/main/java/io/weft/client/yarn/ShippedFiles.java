package io.weft.client.yarn;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.yarn.YarnLaunchSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which local files an application ships, under which names, whether TaskManagers localize them too and
 * which of them go on Weft's classpath: the distribution jar (unless {@code yarn.provided.lib.dirs} provides it),
 * the Log4j configuration, the Hadoop site files, {@code yarn.ship-files} and the job jar. The configuration file
 * itself is written separately. Pure: reads nothing but file types; immutable once built.
 *
 * @param files the local files to upload, in order
 * @param classpath the classpath entries of the uploaded files, relative to a container's working directory
 */
public record ShippedFiles(List<LocalFile> files, List<String> classpath) {
    /** The names the client gives files itself; shipped files must not take them. */
    static final Set<String> RESERVED = Set.of(YarnLaunchSpec.FILE_NAME, YarnLaunchSpec.CONFIG_FILE_NAME,
            YarnLaunchSpec.LOG_CONFIG_FILE_NAME, WeftDistribution.DIST_JAR);

    public ShippedFiles {
        files = List.copyOf(files);
        classpath = List.copyOf(classpath);
    }

    /**
     * A local file (or directory, for a shipped directory) to upload.
     *
     * @param path where it is
     * @param name its name in the staging and working directories
     * @param forTaskManagers whether TaskManager containers localize it too
     */
    public record LocalFile(Path path, String name, boolean forTaskManagers) {
    }

    /**
     * The files of an application.
     *
     * @param distJar the distribution jar, or null when {@code yarn.provided.lib.dirs} provides it
     * @param logConfig the containers' {@code log4j2.properties}
     * @param siteFiles the Hadoop site files
     * @param jobJar the job jar, or null in session mode
     * @throws IllegalConfigurationException when a {@code yarn.ship-files} entry does not exist or two shipped
     *     files would have the same name
     */
    public static ShippedFiles plan(Configuration config, Path distJar, Path logConfig, List<Path> siteFiles,
            Path jobJar) {
        List<LocalFile> files = new ArrayList<>();
        List<String> classpath = new ArrayList<>();
        if (distJar != null) {
            files.add(new LocalFile(distJar, WeftDistribution.DIST_JAR, true));
            classpath.add(WeftDistribution.DIST_JAR);
        }
        files.add(new LocalFile(logConfig, YarnLaunchSpec.LOG_CONFIG_FILE_NAME, true));
        for (Path site : siteFiles) {
            files.add(new LocalFile(site, site.getFileName().toString(), true));
        }
        Set<String> names = new HashSet<>();
        for (LocalFile f : files) {
            names.add(f.name());
        }
        for (Path ship : shipFiles(config)) {
            String name = uniqueName(ship, names, YarnOptions.SHIP_FILES.key());
            files.add(new LocalFile(ship, name, true));
            if (Files.isDirectory(ship)) {
                classpath.add(name + "/*");
            } else if (name.endsWith(".jar")) {
                classpath.add(name);
            }
        }
        if (jobJar != null) {
            files.add(new LocalFile(jobJar, uniqueName(jobJar, names, "the job jar"), false));
        }
        return new ShippedFiles(files, classpath);
    }

    /** The name of the job jar in the working directory, or null when none is shipped. */
    public String jobJarName() {
        return files.stream().filter(f -> !f.forTaskManagers()).map(LocalFile::name).findFirst().orElse(null);
    }

    /** The existing local paths of {@code yarn.ship-files}. */
    static List<Path> shipFiles(Configuration config) {
        List<Path> result = new ArrayList<>();
        for (String entry : Arrays.asList(config.get(YarnOptions.SHIP_FILES).split(";"))) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.trim()).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new IllegalConfigurationException(YarnOptions.SHIP_FILES.key() + " names " + path
                        + ", which does not exist: fix the path or drop it from " + YarnOptions.SHIP_FILES.key());
            }
            result.add(path);
        }
        return result;
    }

    private static String uniqueName(Path path, Set<String> taken, String source) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.isEmpty() || name.startsWith(".")) {
            throw new IllegalConfigurationException(source + " names " + path + ", whose name cannot be a file name"
                    + " in a container: rename it");
        }
        if (RESERVED.contains(name) || !taken.add(name)) {
            throw new IllegalConfigurationException(source + " names " + path + ", but another shipped file is"
                    + " already called " + name + ": rename one of them");
        }
        return name;
    }
}
