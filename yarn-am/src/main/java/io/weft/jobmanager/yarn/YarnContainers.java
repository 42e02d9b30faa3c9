package io.weft.jobmanager.yarn;

import io.weft.config.ProcessMemory;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * How Weft's containers (the ApplicationMaster's, which the client launches, and the TaskManagers', which the AM
 * launches) are put together: their local resources, their classpath and their java command line. Shared so that
 * both sides build them the same way. Stateless.
 */
public final class YarnContainers {
    /** The ApplicationMaster's process class. */
    public static final String APPLICATION_MASTER_CLASS = "io.weft.jobmanager.yarn.YarnApplicationMaster";
    /** The TaskManager's process class. */
    public static final String TASK_MANAGER_CLASS = "io.weft.runtime.taskexecutor.TaskManagerRunner";

    private YarnContainers() {
    }

    /** The local resources of a container: every shipped resource, or only those TaskManagers need. */
    public static Map<String, LocalResource> localResources(List<YarnLaunchSpec.ShippedResource> resources,
            boolean taskManager) {
        Map<String, LocalResource> result = new LinkedHashMap<>();
        for (YarnLaunchSpec.ShippedResource r : resources) {
            if (!taskManager || r.forTaskManagers()) {
                result.put(r.name(), LocalResource.newInstance(URL.fromURI(URI.create(r.uri())),
                        LocalResourceType.FILE, LocalResourceVisibility.valueOf(r.visibility()), r.size(),
                        r.timestamp()));
            }
        }
        return result;
    }

    /**
     * The {@code CLASSPATH} of a container: its working directory (the shipped configuration files), Weft's
     * entries in it, then the cluster's {@code yarn.application.classpath} (Hadoop's own jars and configuration).
     * Expanded by the NodeManager.
     */
    public static String classpath(List<String> weftEntries, Configuration hadoopConf) {
        List<String> entries = new ArrayList<>();
        entries.add(Environment.PWD.$$());
        for (String e : weftEntries) {
            entries.add(Environment.PWD.$$() + "/" + e);
        }
        for (String e : hadoopConf.getStrings(YarnConfiguration.YARN_APPLICATION_CLASSPATH,
                YarnConfiguration.DEFAULT_YARN_CROSS_PLATFORM_APPLICATION_CLASSPATH)) {
            if (!e.isBlank()) {
                entries.add(e.trim());
            }
        }
        return String.join(ApplicationConstants.CLASS_PATH_SEPARATOR, entries);
    }

    /**
     * The environment of a container: its {@code CLASSPATH} and {@code LC_ALL=C.UTF-8}, so that the JVM encodes
     * paths and decodes arguments as UTF-8 whatever locale the NodeManager runs in (in the C locale Java would
     * turn every non-ASCII character of a path into '?').
     */
    public static Map<String, String> environment(String classpath) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLASSPATH", classpath);
        env.put("LC_ALL", "C.UTF-8");
        return env;
    }

    /**
     * The command that starts a Weft process in a container: Java from the container's {@code JAVA_HOME}, heap,
     * direct memory and metaspace from {@code memory}, the Security Manager allowed (for
     * {@link io.weft.runtime.entrypoint.SystemExitGuard}), Log4j writing {@code <logName>.log} into the container's
     * log directory, stdout and stderr in {@code <logName>.out} and {@code <logName>.err} next to it.
     *
     * @param dynamicOptions {@code -D key=value} pairs for the process, each one word without spaces or quotes
     */
    public static String javaCommand(String mainClass, ProcessMemory memory, String logName,
            Map<String, String> dynamicOptions) {
        List<String> words = new ArrayList<>();
        words.add(Environment.JAVA_HOME.$$() + "/bin/java");
        words.addAll(memory.jvmOptions());
        // JDK 18 to 23 refuse, without it, the guard that keeps a program's System.exit from ending the process
        words.add("-Djava.security.manager=allow");
        String logDir = ApplicationConstants.LOG_DIR_EXPANSION_VAR;
        words.add("-Djava.io.tmpdir=" + Environment.PWD.$$() + "/tmp");
        words.add("-Dlog.file=" + logDir + "/" + logName + ".log");
        words.add("-Dlog4j2.configurationFile=" + YarnLaunchSpec.LOG_CONFIG_FILE_NAME);
        words.add(mainClass);
        words.add("--configDir");
        words.add(".");
        for (Map.Entry<String, String> e : dynamicOptions.entrySet()) {
            String option = e.getKey() + "=" + e.getValue();
            if (!option.matches("[A-Za-z0-9._:/{}<>=@,+-]+")) {
                throw new IllegalArgumentException("Option '" + option + "' cannot be passed on a container's"
                        + " command line");
            }
            words.add("-D");
            words.add(option);
        }
        words.add("1>" + logDir + "/" + logName + ".out");
        words.add("2>" + logDir + "/" + logName + ".err");
        return String.join(" ", words);
    }
}
