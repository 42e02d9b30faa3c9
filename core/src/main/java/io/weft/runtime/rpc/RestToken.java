package io.weft.runtime.rpc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The bearer token that authenticates a REST call to a JobManager: derived from the cluster secret, so that every
 * holder of the secret (the CLI that started a YARN application, a user who can read the standalone cluster's secret
 * file) can compute it and nobody else can. Sent as {@code Authorization: Bearer <token>}.
 *
 * <p>The token is base64url (no padding) of HMAC-SHA256 keyed with the secret over {@value #CONTEXT}: a distinct
 * context, so it reveals nothing of the RPC handshake's proofs, and a version, so a later scheme can coexist.
 *
 * <p>Immutable and thread-safe. {@link #toString()} does not reveal the token.
 */
public final class RestToken {
    /** The HTTP header carrying the token. */
    public static final String HEADER = "Authorization";
    /** The authentication scheme of {@link #HEADER}. */
    public static final String SCHEME = "Bearer";
    /** What the HMAC is computed over. */
    static final String CONTEXT = "weft-rest-v1";

    private final String value;

    private RestToken(String value) {
        this.value = value;
    }

    /** The token of the cluster that has {@code secret}. */
    public static RestToken of(ClusterSecret secret) {
        byte[] mac = secret.hmacSha256(CONTEXT.getBytes(StandardCharsets.US_ASCII));
        return new RestToken(Base64.getUrlEncoder().withoutPadding().encodeToString(mac));
    }

    /**
     * A token written by {@link #value()}, as a YARN session's properties file keeps it.
     *
     * @throws IllegalArgumentException when the text is not such a token
     */
    public static RestToken parse(String value) {
        String v = value.trim();
        if (!v.matches("[A-Za-z0-9_-]{43}")) {
            throw new IllegalArgumentException("not a Weft REST token");
        }
        return new RestToken(v);
    }

    /** The token itself, for storing it owner-only; treat it like a password. */
    public String value() {
        return value;
    }

    /** The value of the {@value #HEADER} header: {@code Bearer <token>}. */
    public String headerValue() {
        return SCHEME + " " + value;
    }

    /**
     * Whether {@code header} (the {@value #HEADER} header of a request, or null) carries this token. Compares in
     * time independent of where the values differ.
     */
    public boolean matches(String header) {
        if (header == null) {
            return false;
        }
        String given = header.trim();
        if (given.length() <= SCHEME.length() || !given.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !Character.isWhitespace(given.charAt(SCHEME.length()))) {
            return false;
        }
        byte[] presented = given.substring(SCHEME.length()).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "RestToken(hidden)";
    }
}
