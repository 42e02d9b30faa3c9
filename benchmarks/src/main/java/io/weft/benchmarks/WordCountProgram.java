package io.weft.benchmarks;

import io.weft.api.datastream.StreamExecutionEnvironment;

/**
 * The word-count workloads as a program for a cluster: {@code WordCountProgram WORKLOAD INPUT OUTPUT}, submitted
 * as a jar by {@link WeftClusterBench}.
 */
public final class WordCountProgram {
    private WordCountProgram() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: WordCountProgram WORKLOAD INPUT OUTPUT");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        WordCountJobs.define(env, args[0], args[1], args[2]);
        env.execute(args[0]);
    }
}
