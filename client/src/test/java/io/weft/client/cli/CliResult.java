package io.weft.client.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What one in-process run of {@link CliFrontend} returned and printed; {@link #of} runs it. */
record CliResult(int exitCode, String out, String err) {

    /** Runs {@code weft args} in this JVM with {@code environment} as its environment. */
    static CliResult of(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new CliFrontend(environment).run(args, o, e);
        }
        return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Creates {@code dir} with an empty {@code weft-conf.yaml} (all defaults) and returns its path. */
    static String confDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("weft-conf.yaml");
        if (!Files.exists(file)) {
            Files.writeString(file, "# all defaults\n");
        }
        return dir.toString();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
