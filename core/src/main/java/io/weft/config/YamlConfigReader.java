package io.weft.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML configuration file into flat {@code key → text} entries, each with the line it was written on.
 *
 * <p>Both forms are accepted and may be mixed: flat keys ({@code taskmanager.numberOfTaskSlots: 2}) and nested
 * maps, which are flattened by joining the keys with dots ({@code taskmanager: {numberOfTaskSlots: 2}}). Scalar
 * values become their text; lists, empty values and keys given twice are rejected. Every error is one line
 * naming the file and the line. The reader does not check keys or values against the declared options: see
 * {@link GlobalConfiguration}.
 *
 * <p>Stateless and thread-safe.
 */
final class YamlConfigReader {
    /** How SnakeYAML marks a position in its messages: {@code in 'reader', line 3, column 5:}. */
    private static final Pattern MARK_LINE = Pattern.compile("line (\\d+), column \\d+");
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One configuration value as written in the file. */
    record Entry(String key, String value, int line) {
    }

    private YamlConfigReader() {
    }

    /**
     * Reads every entry of {@code file}, in file order.
     *
     * @throws IllegalConfigurationException naming the file, the line and the problem, when the file cannot be
     *     read, is not valid YAML or holds a value that is not a scalar
     */
    static List<Entry> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return List.of();
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(file, parser.currentTokenLocation(),
                        "expected 'key: value' lines, found " + describe(parser));
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            readMapping(parser, "", file, entries);
            if (parser.nextToken() != null) {
                throw error(file, parser.currentTokenLocation(),
                        "the file holds more than one YAML document: keep one ('---' starts another)");
            }
            return new ArrayList<>(entries.values());
        } catch (StreamReadException e) {
            String message = e.getOriginalMessage();
            throw error(file, problemLine(message, e.getLocation()), problem(message));
        } catch (IOException e) {
            throw new IllegalConfigurationException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Reads the fields of the mapping whose START_OBJECT is the current token, up to its END_OBJECT. */
    private static void readMapping(JsonParser parser, String prefix, Path file, Map<String, Entry> entries)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            JsonToken value = parser.nextToken();
            switch (value) {
                case START_OBJECT -> readMapping(parser, key + ".", file, entries);
                case START_ARRAY -> throw error(file, line, "'" + key
                        + "' has a list value, but configuration values are single scalars: write it as one string");
                case VALUE_NULL -> throw error(file, line, "'" + key + "' has no value: give one or remove the line");
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                        add(entries, new Entry(key, parser.getText(), line), file);
                default -> throw error(file, line, "'" + key + "' has a value of unsupported type " + value);
            }
        }
    }

    private static void add(Map<String, Entry> entries, Entry entry, Path file) {
        Entry previous = entries.putIfAbsent(entry.key(), entry);
        if (previous != null) {
            throw error(file, entry.line(), "'" + entry.key() + "' is set twice (first on line " + previous.line()
                    + "): keep one");
        }
    }

    private static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return token == JsonToken.START_ARRAY ? "a list" : "'" + parser.getText() + "'";
    }

    /**
     * The gist of a YAML syntax error on one line. SnakeYAML's messages alternate unindented sentences (the
     * context, then the problem) with indented marks and source excerpts; the sentences are kept.
     */
    private static String problem(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        List<String> sentences = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sentences.add(line.trim());
            }
        }
        return sentences.isEmpty() ? "invalid YAML" : String.join(": ", sentences);
    }

    /** The line SnakeYAML's message names last (where the problem is), else the parser's location. */
    private static int problemLine(String message, JsonLocation location) {
        int line = location == null ? -1 : location.getLineNr();
        if (message != null) {
            Matcher m = MARK_LINE.matcher(message);
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
            }
        }
        return line;
    }

    private static IllegalConfigurationException error(Path file, JsonLocation location, String problem) {
        return error(file, location == null ? -1 : location.getLineNr(), problem);
    }

    private static IllegalConfigurationException error(Path file, int line, String problem) {
        String where = line > 0 ? file + ", line " + line : file.toString();
        return new IllegalConfigurationException("Cannot load " + where + ": " + problem);
    }
}
