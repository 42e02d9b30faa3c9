package io.weft.jobmanager.rest.messages;

import java.util.List;

/**
 * The optional JSON body of {@code POST /jars/:jarid/run}; every field may be left out. Immutable.
 *
 * @param entryClass the class whose {@code main} to run, instead of the manifest's {@code Main-Class}
 * @param programArgsList the program's arguments
 * @param parallelism the job's default parallelism
 */
public record JarRunRequest(String entryClass, List<String> programArgsList, Integer parallelism) {
}
