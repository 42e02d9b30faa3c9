package io.weft.jobmanager.yarn;

import io.weft.api.FatalException;
import io.weft.runtime.rpc.ClusterSecret;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;

/**
 * Hands the cluster secret from the client to the ApplicationMaster in the AM container's credentials, the channel
 * YARN keeps for secrets: the ResourceManager stores them with the application and the NodeManager writes them into
 * a file only the application's user can read ({@code HADOOP_TOKEN_FILE_LOCATION}), never into the environment or
 * the command line. Stateless.
 */
public final class ClusterSecretCredentials {
    /** The alias of the secret among the credentials' secret keys. */
    static final Text ALIAS = new Text("weft.cluster-secret");
    private static final String TOKEN_FILE_ENV = "HADOOP_TOKEN_FILE_LOCATION";

    private ClusterSecretCredentials() {
    }

    /** The serialized credentials holding {@code secret}, for {@code ContainerLaunchContext#setTokens}. */
    public static ByteBuffer tokens(ClusterSecret secret) {
        Credentials credentials = new Credentials();
        credentials.addSecretKey(ALIAS, secret.toBase64().getBytes(StandardCharsets.US_ASCII));
        try (DataOutputBuffer out = new DataOutputBuffer()) {
            credentials.writeTokenStorageToStream(out);
            return ByteBuffer.wrap(out.getData(), 0, out.getLength());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize credentials into memory", e);
        }
    }

    /**
     * The secret in this container's credentials file.
     *
     * @throws FatalException when the container has no credentials file or it holds no secret (the application was
     *     not submitted by a Weft client)
     */
    static ClusterSecret fromContainer(java.util.Map<String, String> environment,
            org.apache.hadoop.conf.Configuration hadoopConf) {
        String file = environment.get(TOKEN_FILE_ENV);
        if (file == null || file.isBlank()) {
            throw new FatalException("The ApplicationMaster's container has no credentials (" + TOKEN_FILE_ENV
                    + " is not set): submit Weft applications with the weft CLI or yarn-session.sh");
        }
        byte[] key;
        try {
            key = Credentials.readTokenStorageFile(new File(file), hadoopConf).getSecretKey(ALIAS);
        } catch (IOException e) {
            throw new FatalException("Cannot read the container credentials " + file + ": " + e, e);
        }
        if (key == null) {
            throw new FatalException("The container credentials hold no cluster secret (" + ALIAS + "): submit"
                    + " Weft applications with a weft CLI of the same version");
        }
        return ClusterSecret.fromBase64(new String(key, StandardCharsets.US_ASCII));
    }
}
