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
import io.weft.runtime.entrypoint.SystemExitGuard;
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

    @Test
    void aProgramThatCallsSystemExitBeforeExecuteFailsNamingTheCode() {
        assertThat(SystemExitGuard.install()).as("the guard in this JVM").isTrue();
        assertThatThrownBy(() -> PlanCapture.capture(() -> System.exit(3), new Configuration(),
                getClass().getClassLoader()))
                .isInstanceOf(ProgramFailedException.class)
                .hasMessageStartingWith("The program failed: its main() called System.exit(3) instead of returning");
    }

    @Test
    void aProgramThatCallsSystemExitZeroBeforeExecuteDefinesNoJob() {
        assertThat(SystemExitGuard.install()).as("the guard in this JVM").isTrue();
        assertThatThrownBy(() -> PlanCapture.capture(() -> System.exit(0), new Configuration(),
                getClass().getClassLoader()))
                .isInstanceOf(InvalidProgramException.class).hasMessageContaining("System.exit(0) before execute()");
    }

    @Test
    void aProgramThatCatchesTheRefusalAndReturnsStillFails() {
        assertThat(SystemExitGuard.install()).as("the guard in this JVM").isTrue();
        assertThatThrownBy(() -> PlanCapture.capture(() -> {
            try {
                System.exit(4);
            } catch (SecurityException swallowed) {
                // a program that catches everything
            }
        }, new Configuration(), getClass().getClassLoader()))
                .isInstanceOf(ProgramFailedException.class).hasMessageContaining("System.exit(4)");
    }

    @Test
    void aProgramThatCatchesTheEndOfTheCaptureAndExitsStillDefinesItsJob() {
        assertThat(SystemExitGuard.install()).as("the guard in this JVM").isTrue();
        JobGraph graph = PlanCapture.capture(() -> {
            try {
                seedProgram(new String[] {"2"});
            } catch (Throwable t) {
                System.exit(1);
            }
        }, new Configuration(), getClass().getClassLoader());
        assertThat(graph.name()).isEqualTo("seed");
    }
}
