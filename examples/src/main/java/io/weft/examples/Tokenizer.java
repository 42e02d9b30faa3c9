package io.weft.examples;

import io.weft.api.functions.Collector;
import io.weft.api.functions.FlatMapFunction;
import io.weft.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Splits a line into words and emits {@code (word, 1)} for each: a word is a maximal run of Unicode letters and
 * digits ({@link Character#isLetterOrDigit(int)} on code points, so characters outside the Basic Multilingual
 * Plane count), lower-cased with {@link Locale#ROOT}; everything else separates words.
 *
 * <p>Stateless; the engine gives each subtask its own instance, used by that subtask's task thread.
 */
public final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Long>> {
    @Override
    public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
        forEachToken(line, word -> out.collect(new Tuple2<>(word, 1L)));
    }

    /** The words of {@code line}, in order. */
    public static List<String> tokenize(String line) {
        List<String> words = new ArrayList<>();
        forEachToken(line, words::add);
        return words;
    }

    /** Hands every word of {@code line}, in order, to {@code action}. */
    public static void forEachToken(String line, Consumer<String> action) {
        int length = line.length();
        int start = -1;
        int i = 0;
        while (i < length) {
            char c = line.charAt(i);
            boolean wordChar;
            int width;
            if (Character.isSurrogate(c)) {
                int codePoint = line.codePointAt(i);
                wordChar = Character.isLetterOrDigit(codePoint);
                width = Character.charCount(codePoint);
            } else {
                wordChar = Character.isLetterOrDigit(c);
                width = 1;
            }
            if (wordChar) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                action.accept(line.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += width;
        }
        if (start >= 0) {
            action.accept(line.substring(start).toLowerCase(Locale.ROOT));
        }
    }
}
