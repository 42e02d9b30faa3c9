package io.weft.runtime.checkpoint;

/**
 * String rules for the paths of state files relative to a checkpoint's directory, shared by the metadata codec and
 * the storages: paths are Hadoop path URIs ({@code hdfs://nn:8020/a/b}, {@code file:/a/b}) or plain absolute paths.
 * Stateless and thread-safe.
 */
public final class StatePaths {
    private StatePaths() {
    }

    /**
     * {@code path} relative to {@code directory} when it lies under it, else null ({@code directory} "" never
     * contains anything). {@code file:///x} and {@code file:/x} are the same path.
     */
    public static String relativize(String path, String directory) {
        if (directory.isEmpty()) {
            return null;
        }
        String dir = withoutTrailingSlash(normalized(directory));
        String p = normalized(path);
        return p.startsWith(dir + "/") && p.length() > dir.length() + 1 ? p.substring(dir.length() + 1) : null;
    }

    /** {@code relative} resolved against {@code directory}. */
    public static String resolve(String directory, String relative) {
        return withoutTrailingSlash(normalized(directory)) + "/" + relative;
    }

    private static String normalized(String path) {
        return path.startsWith("file:///") ? "file:/" + path.substring("file:///".length()) : path;
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
