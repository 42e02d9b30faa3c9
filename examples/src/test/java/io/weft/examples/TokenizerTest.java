package io.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void wordsAreMaximalRunsOfLettersAndDigits_lowerCased() {
        assertThat(Tokenizer.tokenize("Hello, World! It's 2024-06-01; x86_64 rocks."))
                .containsExactly("hello", "world", "it", "s", "2024", "06", "01", "x86", "64", "rocks");
    }

    @Test
    void unicodeLettersAndDigitsCount_punctuationSeparates() {
        assertThat(Tokenizer.tokenize("Straße ÉTÉ naïve — «Ελληνικά» 東京タワー ١٢٣ (ok)"))
                .containsExactly("straße", "été", "naïve", "ελληνικά", "東京タワー", "١٢٣", "ok");
    }

    @Test
    void surrogatePairsAreOneCodePoint() {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A and U+10400 DESERET CAPITAL LONG I are letters outside the BMP;
        // U+1F600 (an emoji) is not a letter and separates words.
        String boldA = new String(Character.toChars(0x1D400));
        String deseret = new String(Character.toChars(0x10400));
        String deseretLower = new String(Character.toChars(0x10428));
        String emoji = new String(Character.toChars(0x1F600));
        assertThat(Tokenizer.tokenize("a" + boldA + "b" + emoji + deseret + "x"))
                .containsExactly("a" + boldA + "b", deseretLower + "x");
        assertThat(Tokenizer.tokenize("lone\uD800surrogate")).containsExactly("lone", "surrogate");
    }

    @Test
    void crlfTabsAndEmptyLinesGiveNoEmptyWords() {
        assertThat(Tokenizer.tokenize("one\ttwo\r\n")).containsExactly("one", "two");
        assertThat(Tokenizer.tokenize("\r\n")).isEmpty();
        assertThat(Tokenizer.tokenize("")).isEmpty();
        assertThat(Tokenizer.tokenize("  ...  ")).isEmpty();
    }

    @Test
    void lowerCasingUsesTheRootLocale() {
        assertThat(Tokenizer.tokenize("TITLE İstanbul")).containsExactly("title", "i\u0307stanbul");
    }

    @Test
    void flatMapEmitsOnePerWord() {
        List<Tuple2<String, Long>> out = new ArrayList<>();
        new Tokenizer().flatMap("To be, or not to BE", out::add);
        assertThat(out).containsExactly(Tuple2.of("to", 1L), Tuple2.of("be", 1L), Tuple2.of("or", 1L),
                Tuple2.of("not", 1L), Tuple2.of("to", 1L), Tuple2.of("be", 1L));
    }
}
