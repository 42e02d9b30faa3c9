package io.weft.runtime.deployment;

import java.util.List;
import java.util.Map;

/**
 * How a TaskManager re-creates a job's operators: run the entry class of the jar stored under {@code blobKey} with
 * these arguments and this configuration, and capture the job graph its {@code execute()} defines (vertex ids are
 * deterministic, so they match the JobManager's). Immutable.
 */
public record JobProgram(String blobKey, String entryClass, List<String> arguments, Map<String, String> configuration) {
    public JobProgram {
        arguments = List.copyOf(arguments);
        configuration = Map.copyOf(configuration);
    }
}
