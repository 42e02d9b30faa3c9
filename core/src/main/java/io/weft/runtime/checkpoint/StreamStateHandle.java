package io.weft.runtime.checkpoint;

import java.util.Objects;

/**
 * Where the bytes of one piece of snapshotted state are: inline (small state travels in the acknowledgement and
 * the {@code _metadata} file) or in a file of the checkpoint's directory. Immutable.
 */
public sealed interface StreamStateHandle {
    /** The number of bytes of state. */
    long size();

    /** State small enough to be kept in the metadata itself. */
    record Inline(byte[] data) implements StreamStateHandle {
        public Inline {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public long size() {
            return data.length;
        }
    }

    /**
     * State in a file.
     *
     * @param path relative to the checkpoint's directory inside a {@code _metadata} file (so savepoints can be
     *     moved); absolute (a Hadoop path URI) once the metadata was read from a known directory
     */
    record File(String path, long size) implements StreamStateHandle {
        public File {
            Objects.requireNonNull(path, "path");
            if (size < 0) {
                throw new IllegalArgumentException("negative size " + size + " of state file " + path);
            }
        }
    }
}
