package io.weft.client.yarn;

import io.weft.config.Configuration;
import io.weft.config.ProcessMemory;
import io.weft.jobmanager.yarn.ClusterSecretCredentials;
import io.weft.jobmanager.yarn.YarnContainers;
import io.weft.runtime.rpc.ClusterSecret;
import io.weft.jobmanager.yarn.YarnLaunchSpec;
import io.weft.jobmanager.yarn.YarnLaunchSpec.ShippedResource;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;

/**
 * Builds the ApplicationMaster's {@link ContainerLaunchContext}: every shipped resource plus the launch spec file,
 * the {@code CLASSPATH} of {@link YarnContainers#classpath} and the java command of
 * {@link YarnContainers#javaCommand} sized by {@code jobmanager.memory.process.size}, and the cluster secret in its
 * credentials. Stateless.
 */
public final class AmContainer {
    private AmContainer() {
    }

    /**
     * The AM's launch context.
     *
     * @param specFile the uploaded {@value YarnLaunchSpec#FILE_NAME}
     * @param secret the cluster's secret, handed over in the container's credentials
     */
    public static ContainerLaunchContext launchContext(YarnLaunchSpec spec, ShippedResource specFile,
            Configuration config, org.apache.hadoop.conf.Configuration hadoopConf, ClusterSecret secret) {
        Map<String, LocalResource> resources = new java.util.LinkedHashMap<>(
                YarnContainers.localResources(spec.resources(), false));
        resources.putAll(YarnContainers.localResources(List.of(specFile), false));
        String command = YarnContainers.javaCommand(YarnContainers.APPLICATION_MASTER_CLASS,
                ProcessMemory.forJobManager(config), "jobmanager", Map.of());
        Map<String, String> env = YarnContainers.environment(YarnContainers.classpath(spec.classpath(), hadoopConf));
        return ContainerLaunchContext.newInstance(resources, env, List.of(command), null,
                ClusterSecretCredentials.tokens(secret), null);
    }
}
