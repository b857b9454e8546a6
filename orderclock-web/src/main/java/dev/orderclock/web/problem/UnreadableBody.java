package dev.orderclock.web.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import org.springframework.util.ClassUtils;

import java.math.BigInteger;
import java.util.Collection;

/**
 * Says in a client's terms why a body could not be read: which field, and what was wrong with it,
 * without Java class names or parser internals.
 */
final class UnreadableBody {

    private UnreadableBody() {}

    static String describe(Throwable cause) {
        if (cause instanceof PropertyBindingException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + where(unknown, true);
        }
        if (cause instanceof InvalidNullException isNull) {
            return path(isNull) + " must not be null";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return mismatch.getPath().isEmpty()
                    ? "the body must be a JSON " + expected(mismatch.getTargetType())
                    : path(mismatch) + " must be " + article(mismatch.getTargetType());
        }
        // Databind wraps the parser's own exceptions to add the path: look under the wrapper.
        InputCoercionException outOfRange = find(cause, InputCoercionException.class);
        if (outOfRange != null) {
            return (cause instanceof JsonMappingException mapping
                                    && !mapping.getPath().isEmpty()
                            ? path(mapping)
                            : "a number")
                    + " is out of range";
        }
        StreamReadException malformed = find(cause, StreamReadException.class);
        if (malformed != null) {
            return "malformed JSON" + at(malformed.getLocation());
        }
        if (cause instanceof JsonMappingException mapping) {
            return "the JSON does not match the expected shape" + where(mapping, false);
        }
        if (cause instanceof JsonProcessingException) {
            return "malformed JSON";
        }
        return "a JSON body is required";
    }

    /** The first of {@code thrown}'s causes (itself included) of that type, or null. */
    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String where(JsonMappingException e, boolean parentOnly) {
        var path = e.getPath();
        int size = parentOnly ? path.size() - 1 : path.size();
        if (size <= 0) {
            return "";
        }
        return " in " + render(path.subList(0, size));
    }

    private static String path(JsonMappingException e) {
        return render(e.getPath());
    }

    private static String render(java.util.List<JsonMappingException.Reference> references) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.isEmpty() ? "the body" : text.toString();
    }

    private static String article(Class<?> type) {
        String expected = expected(type);
        return (expected.startsWith("a") || expected.startsWith("i") || expected.startsWith("o") ? "an " : "a ")
                + expected;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
        if (boxed == String.class || boxed.isEnum()) {
            return "string";
        }
        if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == BigInteger.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return "number";
        }
        if (boxed == Boolean.class) {
            return "boolean";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return type.isPrimitive() ? "value of another type" : "object";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
