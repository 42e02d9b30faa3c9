package io.weft.architecture;

/**
 * The packages of Weft's production code that may use a given third-party system directly: the boundaries that the
 * architecture tests hold every other package to.
 *
 * <p>A pattern ending in {@code ..} covers the package and its subpackages. Patterns for packages that do not exist
 * yet ({@code io.weft.checkpoint.hdfs}, {@code io.weft..highavailability.zookeeper}) name where the HDFS checkpoint
 * storage and the ZooKeeper HA services go, so that the rules already hold when that code arrives.
 */
final class BoundaryPackages {
    /** Where Weft talks to YARN: the ApplicationMaster's driver, the client's submission, the sandbox cluster. */
    static final String[] YARN = {"io.weft.jobmanager.yarn..", "io.weft.client.yarn..", "io.weft.sandbox.."};

    /**
     * Where Weft uses Hadoop's other APIs ({@code FileSystem}, {@code Configuration}, security): the YARN boundary,
     * the file connectors, and the HDFS checkpoint storage.
     */
    static final String[] HADOOP = {"io.weft.jobmanager.yarn..", "io.weft.client.yarn..", "io.weft.sandbox..",
        "io.weft.connectors.file..", "io.weft.checkpoint.hdfs.."};

    /** Where Weft uses Netty: the RPC transport, the data-plane network stack, the REST server. */
    static final String[] NETTY = {"io.weft.runtime.rpc.netty..", "io.weft.runtime.network.netty..",
        "io.weft.jobmanager.rest.netty.."};

    /** Where Weft uses Curator and ZooKeeper: the ZooKeeper HA services, and the sandbox that runs a server. */
    static final String[] ZOOKEEPER = {"io.weft..highavailability.zookeeper..", "io.weft.sandbox.."};

    /**
     * Classes above the YARN boundary that use YARN's records today, named so that no other class may join them: the
     * CLI reads {@code ApplicationReport}s and passes {@code ApplicationId}s that {@code io.weft.client.yarn} hands
     * out. They leave this list when that package answers with Weft's own types.
     */
    static final String[] YARN_RECORDS_IN_THE_CLI_TODAY = {"io.weft.client.cli.YarnJobFollower",
        "io.weft.client.cli.YarnSessionCli"};

    /** The contract that connectors and user jobs are written against: the user API, types and typed options. */
    static final String[] API = {"io.weft.api..", "io.weft.types..", "io.weft.config.."};

    private BoundaryPackages() {
    }
}
