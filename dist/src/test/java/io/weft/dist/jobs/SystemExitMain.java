package io.weft.dist.jobs;

import io.weft.api.connector.DiscardingSink;
import io.weft.api.datastream.StreamExecutionEnvironment;

/**
 * A program that ends itself with {@code System.exit} — {@code SystemExitMain before|after CODE}: before it defines
 * its job, or after its job (three numbers into a discarding sink) has run.
 */
public final class SystemExitMain {
    private SystemExitMain() {
    }

    public static void main(String[] args) throws Exception {
        int code = Integer.parseInt(args[1]);
        if (args[0].equals("before")) {
            System.exit(code);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData(1L, 2L, 3L).sinkTo(new DiscardingSink<>());
        env.execute("SystemExitMain");
        System.exit(code);
    }
}
