package io.weft.config;

/** Options that say where a program's jobs go; set by the CLI. */
public final class DeploymentOptions {
    public static final ConfigOption<String> TARGET = ConfigOptions.stringOption("execution.target", "local",
            "Where execute() submits: local (an embedded cluster in this JVM).");

    public static final ConfigOption<Boolean> ATTACHED = ConfigOptions.booleanOption("execution.attached", true,
            "Whether execute() waits for the job's end (true) or returns once it is submitted.");

    private DeploymentOptions() {
    }
}
