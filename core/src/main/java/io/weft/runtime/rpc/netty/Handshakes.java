package io.weft.runtime.rpc.netty;

import io.weft.rpc.messages.Nonce;
import io.weft.rpc.messages.Proof;
import io.weft.runtime.rpc.ClusterSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The cryptography of the mutual challenge–response that opens every RPC connection.
 *
 * <ol>
 *   <li>server → client: {@code HandshakeChallenge(serverNonce)};
 *   <li>client → server: {@code HandshakeResponse(clientNonce, HMAC(secret, "weft-rpc-v1" | serverNonce |
 *       clientNonce))};
 *   <li>server → client, only once the client's proof checked out: {@code HandshakeOutcome(accepted,
 *       HMAC(secret, "weft-rpc-v1" | clientNonce | serverNonce))}, which the client checks before sending
 *       anything.
 * </ol>
 * Nonces are fresh random 32 bytes on both sides, so no proof can be replayed; the server proves itself only to a
 * client that has already proven itself, so it never serves as an oracle for the nonces of another connection.
 * Proofs are compared in constant time.
 *
 * <p>Stateless and thread-safe.
 */
final class Handshakes {
    private static final byte[] LABEL = "weft-rpc-v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshakes() {
    }

    static Nonce newNonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new Nonce(bytes);
    }

    /** What the client sends to prove the secret. */
    static Proof clientProof(ClusterSecret secret, Nonce serverNonce, Nonce clientNonce) {
        return new Proof(secret.hmacSha256(LABEL, serverNonce.bytes(), clientNonce.bytes()));
    }

    /** What the server sends to prove the secret: the nonces in the other order. */
    static Proof serverProof(ClusterSecret secret, Nonce serverNonce, Nonce clientNonce) {
        return new Proof(secret.hmacSha256(LABEL, clientNonce.bytes(), serverNonce.bytes()));
    }

    static boolean matches(Proof expected, Proof actual) {
        return actual != null && MessageDigest.isEqual(expected.bytes(), actual.bytes());
    }
}
