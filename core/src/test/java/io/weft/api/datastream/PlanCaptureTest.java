package io.weft.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.api.InvalidProgramException;
import io.weft.api.ProgramArgumentsException;
import io.weft.api.ProgramFailedException;
import io.weft.config.Configuration;
import io.weft.api.connector.DiscardingSink;
import io.weft.graph.IntermediateDataSet;
import io.weft.graph.JobGraph;
import io.weft.graph.JobVertex;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCaptureTest {
    /** The seed pipeline, defined the way a job's main() does it. */
    static void seedProgram(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData(1L, 2L, 3L).map(x -> x * 2).setParallelism(Integer.parseInt(args[0]))
                .keyBy(x -> x % 3).reduce(Long::sum).setParallelism(3)
                .sinkTo(new DiscardingSink<>()).setParallelism(3);
        env.execute("seed");
        throw new AssertionError("execute() must not return during a capture");
    }

    @Test
    void capturingTheSameProgramTwiceGivesTheSameIds() {
        JobGraph a = PlanCapture.capture(() -> seedProgram(new String[] {"4"}), new Configuration(),
                getClass().getClassLoader());
        JobGraph b = PlanCapture.capture(() -> seedProgram(new String[] {"4"}), new Configuration(),
                getClass().getClassLoader());
        assertThat(a.name()).isEqualTo("seed");
        assertThat(a.vertices()).extracting(JobVertex::getId).containsExactlyElementsOf(
                b.vertices().stream().map(JobVertex::getId).toList());
        assertThat(dataSets(a)).containsExactlyElementsOf(dataSets(b));
        assertThat(a.vertices().get(1).getChain().get(0).getOperatorFactory().create())
                .isNotSameAs(b.vertices().get(1).getChain().get(0).getOperatorFactory().create());
    }

    @Test
    void aDifferentProgramGivesDifferentIds() {
        JobGraph a = PlanCapture.capture(() -> seedProgram(new String[] {"4"}), new Configuration(),
                getClass().getClassLoader());
        JobGraph b = PlanCapture.capture(() -> seedProgram(new String[] {"2"}), new Configuration(),
                getClass().getClassLoader());
        // the source (parallelism 1) is the same; the map vertex differs in parallelism
        assertThat(a.vertices().get(0).getId()).isEqualTo(b.vertices().get(0).getId());
        assertThat(a.vertices().get(1).getId()).isNotEqualTo(b.vertices().get(1).getId());
    }

    private static List<Object> dataSets(JobGraph g) {
        return g.vertices().stream().flatMap(v -> v.getProducedDataSets().stream())
                .map(IntermediateDataSet::getId).map(Object.class::cast).toList();
    }

    @Test
    void aProgramWithoutExecuteIsRejected() {
        assertThatThrownBy(() -> PlanCapture.capture(() -> { }, new Configuration(), getClass().getClassLoader()))
                .isInstanceOf(InvalidProgramException.class).hasMessageContaining("without calling execute()");
    }

    @Test
    void aProgramThatFailsFirstIsRejectedWithItsCause() {
        assertThatThrownBy(() -> PlanCapture.capture(() -> {
            throw new IllegalStateException("no connection");
        }, new Configuration(), getClass().getClassLoader()))
                .isInstanceOf(ProgramFailedException.class).hasMessage("The program failed: no connection")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProgramThatRejectsItsArgumentsKeepsTheExceptionAndItsUsage() {
        assertThatThrownBy(() -> PlanCapture.capture(() -> {
            throw new ProgramArgumentsException("Missing argument --input.", "Usage: Job --input PATH");
        }, new Configuration(), getClass().getClassLoader()))
                .isInstanceOfSatisfying(ProgramArgumentsException.class, e -> assertThat(e.usage())
                        .isEqualTo("Usage: Job --input PATH"));
    }

    @Test
    void theContextIsResetAfterACapture() {
        PlanCapture.capture(() -> seedProgram(new String[] {"1"}), new Configuration(), getClass().getClassLoader());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData(1).sinkTo(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute("no executor in core"))
                .hasMessageContaining("No executor for execution.target 'local'");
    }
}
