package io.weft.client.cli;

import java.util.Optional;

/**
 * Finds command-line arguments the JVM could not decode: bytes that are not valid in the JVM's character set
 * (UTF-8, which the launcher scripts choose) reach Java as U+FFFD, so a path holding them would name another file
 * than the one the user meant — an input would be "missing", an output would land elsewhere. Stateless.
 */
final class ArgumentEncoding {
    private static final char REPLACEMENT = '\uFFFD';

    private ArgumentEncoding() {
    }

    /** The one-line error for the first argument that holds undecodable bytes, if any. */
    static Optional<String> undecodable(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf(REPLACEMENT) >= 0) {
                String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
                return Optional.of("Argument " + (i + 1) + " ('" + args[i].replace(REPLACEMENT, '?')
                        + "') holds bytes that are not valid " + charset + " (shown as ?): Weft reads arguments and"
                        + " paths as " + charset + " and cannot name such a file; rename it to a " + charset
                        + " name");
            }
        }
        return Optional.empty();
    }
}
