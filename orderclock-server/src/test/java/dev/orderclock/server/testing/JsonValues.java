package dev.orderclock.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Generators of JSON for bad-input properties: any value (of every type, huge numbers, any unicode),
 * objects with given fields plus unknown ones, and documents cut short.
 */
public final class JsonValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonValues() {}

    /** Any JSON value, nested up to {@code depth}. */
    public static Arbitrary<JsonNode> any(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.just(JSON.nullNode()),
                Arbitraries.of(true, false).map(JSON::booleanNode),
                Arbitraries.integers().map(JSON::numberNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.integers().between(-5, 20_000).map(JSON::numberNode),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(18).negate(), BigInteger.TEN.pow(40))
                        .map(JSON::numberNode),
                Arbitraries.doubles().map(JSON::numberNode),
                Arbitraries.of("1e400", "-1e400", "0.000000000000000000001", "12345678901234567890.5")
                        .map(text -> JSON.numberNode(new BigDecimal(text))),
                text());
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<JsonNode> nested = any(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar),
                net.jqwik.api.Tuple.of(1, nested.list().ofMaxSize(4).map(JsonValues::array)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.maps(text().map(JsonNode::asText), nested)
                                .ofMaxSize(3)
                                .map(fields -> {
                                    ObjectNode object = JSON.objectNode();
                                    fields.forEach(object::set);
                                    return object;
                                })));
    }

    /** Strings of any unicode (control characters, surrogate pairs, right-to-left), blank and long ones too. */
    public static Arbitrary<JsonNode> text() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(40),
                        Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(10),
                        Arbitraries.of(
                                "", " ", "\u0000", "\uD83D\uDE00", "\u202Etxt", "null", "1", "CUP-1", "x".repeat(65)))
                .map(JSON::textNode);
    }

    public static ArrayNode array(List<JsonNode> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** The document cut at a random place: what a client that gave up half way, or a proxy, sends. */
    public static Arbitrary<String> truncated(Arbitrary<? extends JsonNode> documents) {
        return documents
                .map(JsonNode::toString)
                .flatMap(text -> text.length() <= 1
                        ? Arbitraries.just("")
                        : Arbitraries.integers().between(0, text.length() - 1).map(cut -> text.substring(0, cut)));
    }
}
