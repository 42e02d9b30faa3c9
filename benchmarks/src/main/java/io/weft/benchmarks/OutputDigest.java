package io.weft.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The order-independent result digest of shared/bench/WORKLOADS.md §5: the sum over all non-empty lines of the
 * FNV-1a 64-bit hash of the line's bytes, over the visible files of a directory (recursively). Also counts the
 * records and sums each line's last tab-separated field.
 */
record OutputDigest(long records, long sumOfLastField, long digest) {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    static OutputDigest of(Path output) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(output)) {
            try (Stream<Path> s = Files.walk(output)) {
                s.filter(Files::isRegularFile).filter(p -> visible(output, p)).sorted().forEach(files::add);
            }
        } else {
            files.add(output);
        }
        long records = 0;
        long sum = 0;
        long digest = 0;
        for (Path f : files) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                long h = FNV_OFFSET;
                long field = 0;
                int len = 0;
                int b;
                while ((b = in.read()) != -1) {
                    if (b == '\n') {
                        if (len > 0) {
                            records++;
                            sum += field;
                            digest += h;
                        }
                        h = FNV_OFFSET;
                        field = 0;
                        len = 0;
                    } else {
                        h = (h ^ b) * FNV_PRIME;
                        field = b == '\t' ? 0 : b >= '0' && b <= '9' ? field * 10 + (b - '0') : field;
                        len++;
                    }
                }
                if (len > 0) {
                    records++;
                    sum += field;
                    digest += h;
                }
            }
        }
        return new OutputDigest(records, sum, digest);
    }

    private static boolean visible(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    String digestHex() {
        return String.format("%016x", digest);
    }
}
