package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One sandbox (HDFS, YARN, ZooKeeper through {@code bin/weft-sandbox}) shared by every test class of this JVM that
 * uses the extension: started before the first of them, stopped with its script — and killed by its pid if that
 * fails — after the last; test methods get it as a parameter. Its directory is a fresh temporary one, deleted after the stop; everything binds to 127.0.0.1.
 */
public final class SandboxExtension implements BeforeAllCallback, ParameterResolver {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assumeThat(Path.of("/proc/self/cmdline")).as("a Linux /proc to check processes by pid").exists();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Sandbox.class, k -> Sandbox.start(), Sandbox.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Sandbox.class;
    }

    /** Hands the running sandbox to a test method or a {@code @BeforeAll} method that asks for it. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(Sandbox.class, Sandbox.class);
    }

    /** A started sandbox; closing it stops the process. */
    static final class Sandbox implements ExtensionContext.Store.CloseableResource {
        private final Path dir;
        private final DistScripts scripts;

        private Sandbox(Path dir) {
            this.dir = dir;
            this.scripts = new DistScripts(dir, Map.of());
        }

        static Sandbox start() {
            try {
                Path dir = Files.createTempDirectory("weft-it-sandbox-");
                Sandbox sandbox = new Sandbox(dir);
                DistScripts.Run start = sandbox.scripts.run("weft-sandbox", "start", "--dir", dir.resolve("s").toString());
                assertThat(start.exitCode()).as(() -> start + sandbox.log()).isZero();
                return sandbox;
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the sandbox", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the sandbox", e);
            }
        }

        /** The variables that point Hadoop clients at it. */
        Map<String, String> env() {
            return Map.of("HADOOP_CONF_DIR", dir.resolve("s/conf").toString());
        }

        @Override
        public void close() throws IOException, InterruptedException {
            try {
                scripts.run("weft-sandbox", "stop", "--dir", dir.resolve("s").toString());
            } finally {
                SandboxProcess.killIfRunning(dir.resolve("s"));
                deleteRecursively(dir);
            }
        }

        private static void deleteRecursively(Path root) throws IOException {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }

        String log() {
            return SandboxProcess.logTail(dir.resolve("s"));
        }
    }
}
