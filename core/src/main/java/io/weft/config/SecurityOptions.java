package io.weft.config;

/**
 * Options of transport security for internal connections (RPC between JobManager and TaskManagers). Key names
 * follow Flink's; an empty path or password means "not set".
 */
public final class SecurityOptions {
    public static final ConfigOption<Boolean> SSL_INTERNAL_ENABLED = ConfigOptions.booleanOption(
            "security.ssl.internal.enabled", false,
            "Whether internal connections use TLS (both sides present the keystore's certificate and check the"
                    + " peer's against the truststore); the cluster secret is still proven inside TLS.");

    public static final ConfigOption<String> SSL_INTERNAL_KEYSTORE = ConfigOptions.stringOption(
            "security.ssl.internal.keystore", "",
            "Keystore (PKCS12 or JKS) with this process's private key and certificate for internal TLS.");

    public static final ConfigOption<String> SSL_INTERNAL_KEYSTORE_PASSWORD = ConfigOptions.stringOption(
            "security.ssl.internal.keystore-password", "",
            "Password of the internal keystore and of the key in it.");

    public static final ConfigOption<String> SSL_INTERNAL_TRUSTSTORE = ConfigOptions.stringOption(
            "security.ssl.internal.truststore", "",
            "Truststore (PKCS12 or JKS) with the certificates internal TLS peers must present.");

    public static final ConfigOption<String> SSL_INTERNAL_TRUSTSTORE_PASSWORD = ConfigOptions.stringOption(
            "security.ssl.internal.truststore-password", "",
            "Password of the internal truststore.");

    private SecurityOptions() {
    }
}
