package io.weft.runtime;

import io.weft.api.JobID;
import java.util.function.BiFunction;

/**
 * Parses the 32-hex-digit form ({@link AbstractId#toString()}, {@link JobID#toString()}) of the ids that travel in
 * RPC messages. Stateless.
 */
public final class HexIds {
    private HexIds() {
    }

    public static JobID jobId(String hex) {
        return parse(hex, "job id", JobID::new);
    }

    public static ResourceID resourceId(String hex) {
        return parse(hex, "resource id", ResourceID::new);
    }

    public static AllocationID allocationId(String hex) {
        return parse(hex, "allocation id", AllocationID::new);
    }

    public static ExecutionAttemptID attemptId(String hex) {
        return parse(hex, "attempt id", ExecutionAttemptID::new);
    }

    public static JobVertexID vertexId(String hex) {
        return parse(hex, "vertex id", JobVertexID::new);
    }

    public static IntermediateDataSetID dataSetId(String hex) {
        return parse(hex, "data set id", IntermediateDataSetID::new);
    }

    /** Whether {@code s} is 32 hex digits. */
    public static boolean isHexId(String s) {
        if (s == null || s.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static <T> T parse(String hex, String what, BiFunction<Long, Long, T> factory) {
        if (!isHexId(hex)) {
            throw new IllegalArgumentException("Malformed " + what + " '" + hex + "': expected 32 hex digits");
        }
        return factory.apply(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
    }
}
