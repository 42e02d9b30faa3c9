package io.weft.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RestTokenTest {
    private final ClusterSecret secret = ClusterSecret.generate();

    @Test
    void theSameSecretGivesTheSameTokenAndAnotherSecretAnother() {
        assertThat(RestToken.of(secret).value()).isEqualTo(RestToken.of(secret).value()).hasSize(43);
        assertThat(RestToken.of(ClusterSecret.generate()).value()).isNotEqualTo(RestToken.of(secret).value());
        assertThat(RestToken.of(ClusterSecret.fromBase64(secret.toBase64())).value())
                .isEqualTo(RestToken.of(secret).value());
    }

    @Test
    void theTokenIsNotTheSecretNorTheRpcProof() {
        String token = RestToken.of(secret).value();
        assertThat(token).doesNotContain(secret.toBase64().substring(0, 20));
        assertThat(RestToken.of(secret).toString()).doesNotContain(token);
    }

    @Test
    void matchesOnlyABearerHeaderWithThisToken() {
        RestToken token = RestToken.of(secret);
        assertThat(token.matches(token.headerValue())).isTrue();
        assertThat(token.matches("bearer  " + token.value() + " ")).isTrue();
        assertThat(token.matches(token.value())).as("no scheme").isFalse();
        assertThat(token.matches("Basic " + token.value())).isFalse();
        assertThat(token.matches("Bearer" + token.value())).isFalse();
        assertThat(token.matches("Bearer " + RestToken.of(ClusterSecret.generate()).value())).isFalse();
        assertThat(token.matches("Bearer ")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void parseTakesBackWhatValueGaveAndRefusesOtherText() {
        RestToken token = RestToken.of(secret);
        assertThat(RestToken.parse(token.value()).matches(token.headerValue())).isTrue();
        assertThatThrownBy(() -> RestToken.parse("not a token")).isInstanceOf(IllegalArgumentException.class);
    }
}
