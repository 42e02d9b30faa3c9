package io.weft.jobmanager.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The JSON mapping of the REST endpoint: one strict {@link ObjectMapper} for request and response bodies, and the
 * reading of a request body into a message that turns any problem into a 400 naming the field and the fix.
 *
 * <p>Strict on input: unknown and repeated fields, a {@code null} body, trailing content, a string where a number
 * belongs (or the other way round) and fractions for integers are errors. Thread-safe: the mapper is configured
 * once and then only used.
 */
public final class RestMapper {
    private static final ObjectMapper MAPPER = create();

    private RestMapper() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /**
     * Reads a JSON request body.
     *
     * @param example a valid body, quoted in the error message
     * @throws RestException (400) naming the line, column or field of the problem
     */
    public static <T> T readBody(byte[] body, Class<T> type, String example) {
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw RestException.badRequest("Unknown field '" + e.getPropertyName() + "' in the request body: the "
                    + "known fields are " + known + ", as in " + example);
        } catch (JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                path.append(r.getFieldName() != null ? (path.isEmpty() ? "" : ".") + r.getFieldName()
                        : "[" + r.getIndex() + "]");
            }
            String field = path.toString();
            if (field.isEmpty()) {
                throw RestException.badRequest("Bad request body: " + firstLine(e.getOriginalMessage())
                        + "; expected a body like " + example);
            }
            String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? "expected " + describe(m.getTargetType()) : firstLine(e.getOriginalMessage());
            throw RestException.badRequest("Bad value for '" + field + "': " + expected + ", as in " + example);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw RestException.badRequest("The request body is not valid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()) + "; expected a body like " + example);
        } catch (IOException e) {
            throw RestException.badRequest("The request body could not be read: " + e.getMessage());
        }
        if (value == null) {
            throw RestException.badRequest("The request body is JSON null: send a JSON object, as in " + example);
        }
        return value;
    }

    /** What a JSON value of this type looks like, for error messages. */
    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a JSON " + type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
