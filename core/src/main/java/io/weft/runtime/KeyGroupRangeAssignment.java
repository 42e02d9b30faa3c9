package io.weft.runtime;

/**
 * Maps keys to key groups and key groups to subtasks: a key's group is a hash of its {@code hashCode()} modulo
 * the max parallelism; subtask i of n owns the contiguous groups {@code [ceil(i*max/n), ceil((i+1)*max/n))}.
 * Because groups, not keys, are assigned, state can later be redistributed when the parallelism changes.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyGroupRangeAssignment {
    private KeyGroupRangeAssignment() {
    }

    public static int assignToKeyGroup(Object key, int maxParallelism) {
        return computeKeyGroupForKeyHash(key.hashCode(), maxParallelism);
    }

    public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
        return (murmurMix(keyHash) & 0x7FFFFFFF) % maxParallelism;
    }

    /** The subtask owning a key group. */
    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        return keyGroup * parallelism / maxParallelism;
    }

    /** The first key group of a subtask (inclusive). */
    public static int firstKeyGroup(int maxParallelism, int parallelism, int subtask) {
        return (subtask * maxParallelism + parallelism - 1) / parallelism;
    }

    /** The last key group of a subtask (inclusive). */
    public static int lastKeyGroup(int maxParallelism, int parallelism, int subtask) {
        return ((subtask + 1) * maxParallelism + parallelism - 1) / parallelism - 1;
    }

    private static int murmurMix(int code) {
        code *= 0xcc9e2d51;
        code = Integer.rotateLeft(code, 15);
        code *= 0x1b873593;
        code = Integer.rotateLeft(code, 13);
        code = code * 5 + 0xe6546b64;
        code ^= 4;
        code ^= code >>> 16;
        code *= 0x85ebca6b;
        code ^= code >>> 13;
        code *= 0xc2b2ae35;
        code ^= code >>> 16;
        return code;
    }
}
