package io.weft.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArgumentEncodingTest {
    @Test
    void undecodableBytesAreNamedByArgument_decodedNonAsciiIsFine() {
        assertThat(ArgumentEncoding.undecodable(new String[] {"run", "données.txt", "日本"})).isEmpty();
        assertThat(ArgumentEncoding.undecodable(new String[] {"run", "--input", "lat\uFFFD.txt"}))
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("Argument 3 ('lat?.txt') holds bytes that are not valid ")
                        .endsWith(" name")
                        .doesNotContain("\n"));
    }
}
