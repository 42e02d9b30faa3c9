package io.weft.jobmanager.rest;

import java.nio.file.Path;

/**
 * A job jar in the {@link JarStore}. Immutable.
 *
 * @param id the jar id: its file name, {@code <uuid>_<name>.jar}
 * @param name the (cleaned) file name it was uploaded with
 * @param uploaded when it was stored (epoch millis)
 * @param path where it is stored
 */
record StoredJar(String id, String name, long uploaded, Path path) {
}
