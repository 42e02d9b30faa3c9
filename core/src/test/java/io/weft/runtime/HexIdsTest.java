package io.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.JobID;
import org.junit.jupiter.api.Test;

class HexIdsTest {
    @Test
    void everyIdSurvivesItsHexForm() {
        JobID job = JobID.generate();
        ResourceID resource = new ResourceID();
        ExecutionAttemptID attempt = new ExecutionAttemptID();
        assertThat(HexIds.jobId(job.toString())).isEqualTo(job);
        assertThat(HexIds.resourceId(resource.toString())).isEqualTo(resource);
        assertThat(HexIds.attemptId(attempt.toString())).isEqualTo(attempt);
        assertThat(HexIds.resourceId("FFFFFFFFFFFFFFFF0000000000000001")).isEqualTo(new ResourceID(-1L, 1L));
    }

    @Test
    void malformedIdsAreRefusedNamingTheKindAndTheValue() {
        for (String bad : new String[] {null, "", "abc", "0123456789abcdef0123456789abcdeg",
                "0123456789abcdef0123456789abcdef0", "../../../../etc/passwd/0123456789"}) {
            assertThat(HexIds.isHexId(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> HexIds.allocationId("xyz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Malformed allocation id 'xyz': expected 32 hex digits");
    }
}
