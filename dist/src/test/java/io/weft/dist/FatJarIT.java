package io.weft.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job jar of about 200 MB (the examples plus an incompressible entry, generated in the test's directory) runs
 * WordCount through a standalone cluster with the default settings — its JobManager has a 256 MB heap, so the
 * upload must stream — and the cluster's upload directory holds no jar afterwards.
 */
class FatJarIT {
    private static final long PAYLOAD = 200L << 20;

    @TempDir
    Path dir;

    @Test
    void a200mbJobJar_runsWordCountOnAStandaloneCluster_andLeavesNoUploadedJar() throws Exception {
        try (SharedStandaloneCluster cluster = SharedStandaloneCluster.start(dir.resolve("standalone"))) {
            DistScripts scripts = new DistScripts(dir, Map.of("WEFT_CONF_DIR", cluster.confDir().toString()));
            Path jar = fatJar(scripts.dist().resolve("examples/weft-examples.jar"), dir.resolve("fat.jar"));
            assertThat(Files.size(jar)).isGreaterThan(PAYLOAD);
            Path input = Files.writeString(dir.resolve("words.txt"), "To be, or not to be\nto BE\n");
            Path output = dir.resolve("counts");
            DistScripts.Run run = scripts.run("weft", "run", "-m", cluster.restAddress(), "-c",
                    "io.weft.examples.WordCount", jar.toString(), "--input", input.toString(), "--output",
                    output.toString());
            assertThat(run.exitCode()).as(() -> run + cluster.logs()).isZero();
            assertThat(run.out().lines()).as(run::toString).last().asString().endsWith("FINISHED");
            assertThat(parts(output)).containsExactly("be\t3", "not\t1", "or\t1", "to\t3");
            // web.upload.dir is unset: uploads go to a temporary directory under the JobManager's java.io.tmpdir
            try (Stream<Path> files = Files.walk(dir.resolve("standalone").resolve("jvm-tmp"))) {
                assertThat(files.filter(f -> f.getFileName().toString().endsWith(".jar")
                        && f.toString().contains("weft-web-upload-"))).isEmpty();
            }
        }
    }

    /** The examples jar with one more entry of {@link #PAYLOAD} pseudo-random bytes, written without compression. */
    static Path fatJar(Path examples, Path target) throws IOException {
        return fatJar(examples, target, PAYLOAD);
    }

    /** The examples jar with one more entry of {@code payload} pseudo-random bytes, written without compression. */
    static Path fatJar(Path examples, Path target, long payload) throws IOException {
        try (InputStream in = Files.newInputStream(examples); ZipInputStream source = new ZipInputStream(in);
                OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = source.getNextEntry(); e != null; e = source.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                source.transferTo(zip);
                zip.closeEntry();
            }
            zip.setLevel(Deflater.NO_COMPRESSION);
            zip.putNextEntry(new ZipEntry("fat/payload.bin"));
            SplittableRandom random = new SplittableRandom(7);
            byte[] block = new byte[1 << 16];
            for (long written = 0; written < payload; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long v = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (v >>> (8 * b));
                    }
                }
                zip.write(block);
            }
            zip.closeEntry();
        }
        return target;
    }

    private static List<String> parts(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }
}
