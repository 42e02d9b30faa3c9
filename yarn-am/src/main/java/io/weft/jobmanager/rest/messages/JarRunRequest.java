package io.weft.jobmanager.rest.messages;

import java.util.List;
import java.util.Map;

/**
 * The optional JSON body of {@code POST /jars/:jarid/run}; every field may be left out. Immutable.
 *
 * @param entryClass the class whose {@code main} to run, instead of the manifest's {@code Main-Class}
 * @param programArgsList the program's arguments
 * @param parallelism the job's default parallelism
 * @param flinkConfiguration the job's own settings of job-level keys ({@code restart-strategy.*}, {@code execution.*},
 *     {@code pipeline.*}, {@code state.*}) over the cluster's configuration, for this job only; named as Flink's
 *     {@code JarRunRequestBody} names it
 */
public record JarRunRequest(String entryClass, List<String> programArgsList, Integer parallelism,
        Map<String, String> flinkConfiguration) {
}
