package io.weft.jobmanager.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.weft.jobmanager.JobDetails;
import java.util.List;

/** {@code GET /jobs/overview}: name, state and times of every job. Immutable. */
public record JobsOverview(List<Item> jobs) {

    /**
     * One job.
     *
     * @param endTime -1 while the job runs
     * @param duration milliseconds from start to end, or to now while the job runs
     */
    public record Item(
            String jid,
            String name,
            String state,
            @JsonProperty("start-time") long startTime,
            @JsonProperty("end-time") long endTime,
            long duration) {

        /** The overview of one job at {@code now} (epoch millis). */
        public static Item of(JobDetails details, long now) {
            return new Item(details.jobId().toString(), details.name(), details.status().name(),
                    details.startTime(), details.endTime(), JobDetailsInfo.duration(details, now));
        }
    }
}
