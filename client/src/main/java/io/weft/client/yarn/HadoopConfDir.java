package io.weft.client.yarn;

import io.weft.config.IllegalConfigurationException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * The Hadoop configuration directory of the cluster the client deploys to: found through {@code HADOOP_CONF_DIR},
 * else {@code YARN_CONF_DIR}, with its {@code core-site.xml}, {@code hdfs-site.xml} and {@code yarn-site.xml} loaded
 * explicitly (not from the classpath) and shipped to the containers. Immutable after construction.
 *
 * @param dir the directory
 * @param siteFiles the site files that exist in it, in loading order
 */
public record HadoopConfDir(Path dir, List<Path> siteFiles) {
    /** The site files the client loads and ships, in this order. */
    public static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml");

    public HadoopConfDir {
        siteFiles = List.copyOf(siteFiles);
    }

    /**
     * Finds the directory in {@code environment}.
     *
     * @throws IllegalConfigurationException when neither variable is set, or the directory or its
     *     {@code yarn-site.xml} does not exist
     */
    public static HadoopConfDir find(Map<String, String> environment) {
        String name = "HADOOP_CONF_DIR";
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            name = "YARN_CONF_DIR";
            value = environment.get(name);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalConfigurationException("Neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set: point one of"
                    + " them at the directory of the cluster's core-site.xml and yarn-site.xml");
        }
        Path dir = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalConfigurationException(name + " is " + dir + ", which is not a directory: point it at"
                    + " the directory of the cluster's core-site.xml and yarn-site.xml");
        }
        List<Path> files = new ArrayList<>();
        for (String file : SITE_FILES) {
            if (Files.isRegularFile(dir.resolve(file))) {
                files.add(dir.resolve(file));
            }
        }
        if (!files.contains(dir.resolve("yarn-site.xml"))) {
            throw new IllegalConfigurationException(name + " is " + dir + ", which holds no yarn-site.xml: point it"
                    + " at the directory of the cluster's configuration");
        }
        return new HadoopConfDir(dir, files);
    }

    /** A YARN configuration of Hadoop's defaults and this directory's site files. */
    public YarnConfiguration load() {
        YarnConfiguration conf = new YarnConfiguration();
        for (Path file : siteFiles) {
            try {
                conf.addResource(file.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalConfigurationException("Cannot read " + file + ": " + e.getMessage());
            }
        }
        return conf;
    }
}
