package io.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;

class FinalCountFunctionTest {
    @Test
    void emitsEachWordsTotalOnce_whenTheInputEnds() throws Exception {
        KeyedHarness<Tuple2<String, Long>, Tuple2<String, Long>> harness =
                new KeyedHarness<>(new FinalCountFunction(), t -> t.f0);
        for (String word : Tokenizer.tokenize("to be or not to be, To BE")) {
            harness.process(Tuple2.of(word, 1L));
        }
        assertThat(harness.output()).as("nothing before the end of the input").isEmpty();
        assertThat(harness.pendingTimers()).as("one timer per word").isEqualTo(4);
        harness.endInput();
        assertThat(harness.output()).containsExactlyInAnyOrder(Tuple2.of("to", 3L), Tuple2.of("be", 3L),
                Tuple2.of("or", 1L), Tuple2.of("not", 1L));
    }
}
