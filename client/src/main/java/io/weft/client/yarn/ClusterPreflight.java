package io.weft.client.yarn;

import io.weft.config.Configuration;
import io.weft.config.ConfigOption;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.MemoryOptions;
import io.weft.config.MemorySize;
import io.weft.config.TaskManagerOptions;
import io.weft.config.YarnOptions;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * The checks against the cluster made before anything is uploaded: the queue exists, and the ApplicationMaster's
 * and TaskManagers' containers fit the largest container the cluster grants. Each failure is a one-line
 * {@link IllegalConfigurationException} naming the setting to change. Stateless; runs on the deploying thread.
 */
public final class ClusterPreflight {
    private ClusterPreflight() {
    }

    /** Checks that {@code yarn.application.queue} names a queue of the cluster. */
    public static void checkQueue(YarnClient yarn, Configuration config) throws IOException, YarnException {
        String queue = config.get(YarnOptions.APPLICATION_QUEUE);
        QueueInfo info;
        try {
            info = yarn.getQueueInfo(queue);
        } catch (YarnException e) {
            // some schedulers refuse unknown queues with an exception instead of null
            info = null;
        }
        if (info == null) {
            List<QueueInfo> all = yarn.getAllQueues();
            String known = all.stream().map(QueueInfo::getQueueName).sorted().collect(Collectors.joining(", "));
            throw new IllegalConfigurationException("The YARN queue '" + queue + "' (" + YarnOptions.APPLICATION_QUEUE
                    .key() + ") does not exist; the cluster's queues are: " + known + ": set -D "
                    + YarnOptions.APPLICATION_QUEUE.key() + "=<one of them>");
        }
    }

    /**
     * Checks that the ApplicationMaster ({@code jobmanager.memory.process.size}, {@code yarn.appmaster.vcores})
     * and, unless {@code taskManagers} is false, a TaskManager ({@code taskmanager.memory.process.size}) fit
     * {@code maximum}.
     */
    public static void checkResources(Configuration config, Resource maximum, boolean taskManagers) {
        checkMemory(config, MemoryOptions.JOB_MANAGER_PROCESS_SIZE, maximum);
        if (taskManagers) {
            checkMemory(config, MemoryOptions.TASK_MANAGER_PROCESS_SIZE, maximum);
            int configured = config.get(YarnOptions.CONTAINER_VCORES);
            int tmVcores = configured > 0 ? configured : config.get(TaskManagerOptions.NUM_TASK_SLOTS);
            if (tmVcores > maximum.getVirtualCores()) {
                throw new IllegalConfigurationException("A TaskManager container needs " + tmVcores + " virtual"
                        + " cores (yarn.containers.vcores, or taskmanager.numberOfTaskSlots when it is -1), more than"
                        + " the " + maximum.getVirtualCores() + " of the cluster's largest container"
                        + " (yarn.scheduler.maximum-allocation-vcores): set yarn.containers.vcores or fewer slots");
            }
        }
        int vcores = config.get(YarnOptions.APPMASTER_VCORES);
        if (vcores > maximum.getVirtualCores()) {
            throw new IllegalConfigurationException(YarnOptions.APPMASTER_VCORES.key() + " is " + vcores
                    + ", more than the " + maximum.getVirtualCores() + " virtual cores of the cluster's largest"
                    + " container (yarn.scheduler.maximum-allocation-vcores): lower " + YarnOptions.APPMASTER_VCORES
                    .key());
        }
    }

    private static void checkMemory(Configuration config, ConfigOption<MemorySize> option, Resource maximum) {
        long mb = config.get(option).getMebiBytes();
        if (mb > maximum.getMemorySize()) {
            throw new IllegalConfigurationException(option.key() + " is " + mb + " MB, more than the "
                    + maximum.getMemorySize() + " MB of the cluster's largest container"
                    + " (yarn.scheduler.maximum-allocation-mb): lower " + option.key()
                    + " or raise yarn.scheduler.maximum-allocation-mb");
        }
    }
}
