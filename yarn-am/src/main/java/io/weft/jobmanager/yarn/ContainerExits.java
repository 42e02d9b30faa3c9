package io.weft.jobmanager.yarn;

import io.weft.config.MemoryOptions;
import io.weft.runtime.entrypoint.OutOfMemoryExit;
import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerStatus;

/**
 * Turns a completed container's status into one sentence for logs, job exceptions and diagnostics: why YARN ended
 * it (preempted, over its memory, released, its node lost) or how its process ended (out of heap, a fatal error,
 * a signal). Stateless.
 */
final class ContainerExits {
    /** Longest part of YARN's own diagnostics kept in a sentence. */
    private static final int MAX_DIAGNOSTICS = 300;

    private ContainerExits() {
    }

    /** "TaskManager container_… on host:port was preempted by YARN (…)". */
    static String describe(String what, ContainerStatus status, String node) {
        int code = status.getExitStatus();
        String how = switch (code) {
            case ContainerExitStatus.PREEMPTED -> "was preempted by YARN (its queue's capacity went to others)";
            case ContainerExitStatus.KILLED_EXCEEDED_PMEM -> "was killed by YARN for exceeding its physical memory"
                    + " (raise taskmanager.memory.process.size or process.memory.jvm-overhead.*)";
            case ContainerExitStatus.KILLED_EXCEEDED_VMEM -> "was killed by YARN for exceeding its virtual memory"
                    + " (yarn.nodemanager.vmem-pmem-ratio on the cluster)";
            case ContainerExitStatus.ABORTED -> "was aborted by YARN (released, or its node was lost)";
            case ContainerExitStatus.DISKS_FAILED -> "failed because the disks of its node failed";
            case ContainerExitStatus.KILLED_BY_RESOURCEMANAGER -> "was killed by the YARN ResourceManager";
            case ContainerExitStatus.KILLED_BY_APPMASTER -> "was stopped by the ApplicationMaster";
            case ContainerExitStatus.KILLED_AFTER_APP_COMPLETION -> "was killed after the application completed";
            case ContainerExitStatus.KILLED_BY_CONTAINER_SCHEDULER -> "was killed by the NodeManager's scheduler";
            case 137 -> "was killed (SIGKILL, exit code 137)";
            case 143 -> "was terminated (SIGTERM, exit code 143)";
            case 70 -> "stopped after a fatal error (exit code 70; see its taskmanager.log)";
            case OutOfMemoryExit.EXIT_CODE -> "ran out of heap memory (exit code 52): raise "
                    + (what.startsWith("TaskManager") ? MemoryOptions.TASK_MANAGER_PROCESS_SIZE.key()
                            : MemoryOptions.JOB_MANAGER_PROCESS_SIZE.key());
            case 0 -> "exited (exit code 0)";
            default -> "exited with code " + code + " (see its taskmanager.err and taskmanager.log)";
        };
        String diagnostics = oneLine(status.getDiagnostics());
        return what + " " + status.getContainerId() + (node == null ? "" : " on " + node) + " " + how
                + (diagnostics.isEmpty() ? "" : ": " + diagnostics);
    }

    /** {@code text} on one line, shortened to {@value #MAX_DIAGNOSTICS} characters. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_DIAGNOSTICS ? line : line.substring(0, MAX_DIAGNOSTICS) + "…";
    }
}
