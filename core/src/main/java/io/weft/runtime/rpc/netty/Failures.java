package io.weft.runtime.rpc.netty;

import io.netty.handler.codec.DecoderException;
import javax.net.ssl.SSLException;

/** Turns transport failures into the clause of a log or error message. Stateless and thread-safe. */
final class Failures {
    private Failures() {
    }

    /** What went wrong, in words, for "… from peer: {describe}". */
    static String describe(Throwable cause) {
        Throwable t = cause;
        while (t instanceof DecoderException && !(t instanceof FrameTooLargeException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof FrameTooLargeException) {
            return "it sent a " + t.getMessage();
        }
        if (t instanceof SSLException) {
            return "TLS failed (" + t + "): check that both sides enable internal TLS ("
                    + "security.ssl.internal.enabled) and trust each other's certificates";
        }
        return t.toString();
    }
}
