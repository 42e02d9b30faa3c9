package io.weft.runtime.network.netty;

import io.weft.config.Configuration;
import io.weft.config.IllegalConfigurationException;
import io.weft.config.ShuffleOptions;
import io.weft.config.TaskManagerOptions;
import java.time.Duration;

/**
 * The data plane settings of one TaskManager, read from {@link ShuffleOptions} and {@link TaskManagerOptions} and
 * checked once.
 *
 * <p>Immutable and thread-safe.
 *
 * @param partitionRequestTimeout how long the server holds a request for a partition not registered yet
 * @param backoffInitial pause before a consumer asks again for a partition that was not found
 * @param backoffMax longest such pause; a longer one fails the consumer
 * @param segmentSize size of a network buffer, equal on every TaskManager
 * @param exclusiveBuffers receive buffers (initial credit) of each remote input channel
 */
record NettyShuffleSettings(String bindHost, int port, int serverThreads, int clientThreads,
        Duration partitionRequestTimeout, Duration backoffInitial, Duration backoffMax, int segmentSize,
        int exclusiveBuffers) {

    /** Room in a frame beyond a buffer's bytes: message headers, or an error message. */
    static final int FRAME_OVERHEAD = 8 * 1024;

    static NettyShuffleSettings fromConfiguration(Configuration config) {
        int port = config.get(ShuffleOptions.DATA_PORT);
        if (port < 0 || port > 65535) {
            throw new IllegalConfigurationException("Invalid value '" + port + "' for '"
                    + ShuffleOptions.DATA_PORT.key() + "': use a port between 1 and 65535, or 0 for any free port");
        }
        int slots = Math.max(1, config.get(TaskManagerOptions.NUM_TASK_SLOTS));
        Duration initial = positive(config.get(ShuffleOptions.REQUEST_BACKOFF_INITIAL),
                ShuffleOptions.REQUEST_BACKOFF_INITIAL.key());
        Duration max = positive(config.get(ShuffleOptions.REQUEST_BACKOFF_MAX),
                ShuffleOptions.REQUEST_BACKOFF_MAX.key());
        if (max.compareTo(initial) < 0) {
            throw new IllegalConfigurationException("'" + ShuffleOptions.REQUEST_BACKOFF_MAX.key() + "' (" + max
                    + ") is shorter than '" + ShuffleOptions.REQUEST_BACKOFF_INITIAL.key() + "' (" + initial
                    + "): raise the first or lower the second");
        }
        int exclusive = config.get(TaskManagerOptions.BUFFERS_PER_CHANNEL);
        if (exclusive < 1) {
            throw new IllegalConfigurationException("Invalid value '" + exclusive + "' for '"
                    + TaskManagerOptions.BUFFERS_PER_CHANNEL.key() + "': remote channels need at least one buffer");
        }
        return new NettyShuffleSettings(config.get(ShuffleOptions.DATA_BIND_HOST), port,
                threads(config.get(ShuffleOptions.SERVER_THREADS), slots, ShuffleOptions.SERVER_THREADS.key()),
                threads(config.get(ShuffleOptions.CLIENT_THREADS), slots, ShuffleOptions.CLIENT_THREADS.key()),
                positive(config.get(ShuffleOptions.PARTITION_REQUEST_TIMEOUT),
                        ShuffleOptions.PARTITION_REQUEST_TIMEOUT.key()),
                initial, max, (int) config.get(TaskManagerOptions.SEGMENT_SIZE).bytes(), exclusive);
    }

    /** The largest frame either side sends or accepts once authenticated. */
    int maxFrameSize() {
        return segmentSize + FRAME_OVERHEAD;
    }

    private static int threads(int configured, int slots, String key) {
        if (configured == -1) {
            return slots;
        }
        if (configured < 1) {
            throw new IllegalConfigurationException("Invalid value '" + configured + "' for '" + key
                    + "': use at least 1 thread, or -1 for as many as task slots");
        }
        return configured;
    }

    private static Duration positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalConfigurationException("Invalid value '" + value + "' for '" + key
                    + "': it must be longer than zero");
        }
        return value;
    }
}
