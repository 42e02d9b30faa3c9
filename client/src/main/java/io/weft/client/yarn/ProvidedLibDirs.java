package io.weft.client.yarn;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.YarnOptions;
import io.weft.jobmanager.yarn.YarnLaunchSpec.ShippedResource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;

/**
 * The files of {@code yarn.provided.lib.dirs}: directories on the cluster's file system that already hold
 * {@code weft-dist.jar} and other jars, localized from where they are (nothing is uploaded). A file is
 * {@code PUBLIC} (shared by every application on a node) when YARN allows it: readable by everyone, and every
 * ancestor directory executable by everyone; else {@code PRIVATE}. Stateless.
 */
public final class ProvidedLibDirs {
    private ProvidedLibDirs() {
    }

    /** The configured directories; empty when the option is unset. */
    public static List<String> configured(Configuration config) {
        return Arrays.stream(config.get(YarnOptions.PROVIDED_LIB_DIRS).split(";")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Every regular file directly in the directories, for every container.
     *
     * @throws IllegalConfigurationException when a directory does not exist or none holds {@code weft-dist.jar}
     */
    public static List<ShippedResource> list(List<String> dirs, org.apache.hadoop.conf.Configuration conf)
            throws IOException {
        List<ShippedResource> result = new ArrayList<>();
        for (String d : dirs) {
            Path dir = new Path(d);
            FileSystem fs = dir.getFileSystem(conf);
            FileStatus[] statuses;
            try {
                statuses = fs.listStatus(dir);
            } catch (FileNotFoundException e) {
                throw new IllegalConfigurationException(YarnOptions.PROVIDED_LIB_DIRS.key() + " names " + d
                        + ", which does not exist: fix the setting or upload weft-dist.jar there");
            }
            for (FileStatus s : statuses) {
                if (s.isFile() && !s.getPath().getName().startsWith(".")) {
                    Path file = fs.makeQualified(s.getPath());
                    result.add(new ShippedResource(file.getName(), file.toUri().toString(), s.getLen(),
                            s.getModificationTime(), isPublic(fs, s) ? "PUBLIC" : "PRIVATE", true));
                }
            }
        }
        if (result.stream().noneMatch(r -> r.name().equals(WeftDistribution.DIST_JAR))) {
            throw new IllegalConfigurationException(YarnOptions.PROVIDED_LIB_DIRS.key() + " (" + String.join(";", dirs)
                    + ") holds no " + WeftDistribution.DIST_JAR + ": upload lib/" + WeftDistribution.DIST_JAR
                    + " there, or unset " + YarnOptions.PROVIDED_LIB_DIRS.key());
        }
        return result;
    }

    /** The classpath entries of the provided jars, {@code weft-dist.jar} first. */
    public static List<String> classpath(List<ShippedResource> provided) {
        List<String> result = new ArrayList<>();
        result.add(WeftDistribution.DIST_JAR);
        for (ShippedResource r : provided) {
            if (r.name().endsWith(".jar") && !r.name().equals(WeftDistribution.DIST_JAR)) {
                result.add(r.name());
            }
        }
        return result;
    }

    private static boolean isPublic(FileSystem fs, FileStatus file) throws IOException {
        if (!file.getPermission().getOtherAction().implies(FsAction.READ)) {
            return false;
        }
        for (Path p = file.getPath().getParent(); p != null; p = p.getParent()) {
            if (!fs.getFileStatus(p).getPermission().getOtherAction().implies(FsAction.EXECUTE)) {
                return false;
            }
        }
        return true;
    }
}
