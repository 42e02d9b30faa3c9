package io.weft.client.yarn;

import io.weft.client.rest.ClusterUnreachableException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * Creates the client's {@link YarnClient}s, with the ResourceManager's connection retries bounded so that an
 * unreachable ResourceManager is reported within {@link #CONNECT_WAIT} instead of Hadoop's 15 minutes, and words
 * such failures. Stateless.
 */
public final class YarnClients {
    /** The longest the client tries to reach the ResourceManager. */
    public static final Duration CONNECT_WAIT = Duration.ofSeconds(30);

    private YarnClients() {
    }

    /** A started client of the cluster {@code conf} describes; the caller closes it. */
    public static YarnClient start(Configuration conf) {
        YarnConfiguration bounded = new YarnConfiguration(conf);
        long maxWait = bounded.getLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS,
                YarnConfiguration.DEFAULT_RESOURCEMANAGER_CONNECT_MAX_WAIT_MS);
        if (maxWait < 0 || maxWait > CONNECT_WAIT.toMillis()) {
            bounded.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, CONNECT_WAIT.toMillis());
            bounded.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, 1000);
        }
        YarnClient yarn = YarnClient.createYarnClient();
        yarn.init(bounded);
        yarn.start();
        return yarn;
    }

    /**
     * {@code e} as what the CLI reports: a {@link ClusterUnreachableException} when the ResourceManager could not
     * be reached, else null.
     */
    public static ClusterUnreachableException unreachable(IOException e, Configuration conf) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof java.net.NoRouteToHostException
                    || c instanceof java.net.UnknownHostException) {
                return new ClusterUnreachableException("Cannot reach the YARN ResourceManager at "
                        + conf.get(YarnConfiguration.RM_ADDRESS, YarnConfiguration.DEFAULT_RM_ADDRESS) + " ("
                        + c.getMessage() + "): check that it runs and " + YarnConfiguration.RM_ADDRESS
                        + " in HADOOP_CONF_DIR", e);
            }
        }
        return null;
    }
}
