package io.weft.runtime.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rpc.messages.Nonce;
import io.weft.rpc.messages.Proof;
import io.weft.runtime.rpc.ClusterSecret;
import org.junit.jupiter.api.Test;

class HandshakesTest {
    private final ClusterSecret secret = ClusterSecret.generate();
    private final Nonce server = Handshakes.newNonce();
    private final Nonce client = Handshakes.newNonce();

    @Test
    void proofsMatchOnlyForTheSameSecretAndNonces() {
        Proof proof = Handshakes.clientProof(secret, server, client);

        assertThat(Handshakes.matches(proof, Handshakes.clientProof(secret, server, client))).isTrue();
        assertThat(Handshakes.matches(proof, Handshakes.clientProof(ClusterSecret.generate(), server, client)))
                .isFalse();
        assertThat(Handshakes.matches(proof, Handshakes.clientProof(secret, server, Handshakes.newNonce())))
                .isFalse();
        assertThat(Handshakes.matches(proof, null)).isFalse();
    }

    @Test
    void serverProofIsNotTheClientProof() {
        assertThat(Handshakes.matches(Handshakes.clientProof(secret, server, client),
                Handshakes.serverProof(secret, server, client))).isFalse();
    }

    @Test
    void noncesAreFresh() {
        assertThat(server.bytes()).hasSize(32).isNotEqualTo(client.bytes());
    }
}
