package dev.orderclock.server.problem;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.JsonValues;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.Shop;
import dev.orderclock.server.testing.StartedServer;
import dev.orderclock.server.testing.StoredState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/orders} under generated bodies — well-formed JSON with wrong types, unknown
 * fields, huge numbers, any unicode, JSON cut short, text that is no JSON — on the real server:
 * never a 5xx, every refusal a problem document that changed nothing, every acceptance one order.
 */
class OrderInputPropertiesIT {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static StartedServer server;
    private static Api api;
    private static String sku;

    @BeforeContainer
    static void start() {
        server = StartedServer.start();
        api = new Api(server.port());
        sku = new Shop(api).product(1_000_000_000L);
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.BOUNDED)
    void noOrderBodyGetsA5xxAndARefusedOneChangesNothing(
            @ForAll("orderBodies") String body, @ForAll("users") String user) {
        StoredState before = server.state();

        Reply reply = api.post("/api/orders").as(user).json(body).send();

        Statistics.label("status").collect(reply.status());
        assertThat(reply.status()).as("%s -> %s", body, reply.body()).isLessThan(500);
        StoredState after = server.state();
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).as(body).startsWith("application/problem+json");
            assertThat(after).as("state after refusing %s", body).isEqualTo(before);
        } else {
            assertThat(reply.status()).as(body).isEqualTo(201);
            assertThat(after.orders()).isEqualTo(before.orders() + 1);
        }
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.integers().between(1, 200).map(n -> "prop-u-" + n);
    }

    @Provide
    Arbitrary<String> orderBodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, orders().map(JsonNode::toString)),
                Tuple.of(2, JsonValues.truncated(orders())),
                Tuple.of(1, JsonValues.any(2).map(JsonNode::toString)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(100)));
    }

    /** Shaped like an order, each part right, wrong in type or range, missing, or joined by an unknown field. */
    private Arbitrary<ObjectNode> orders() {
        Arbitrary<JsonNode> lines = Arbitraries.frequencyOf(
                Tuple.of(4, line().list().ofMaxSize(4).map(JsonValues::array)), Tuple.of(1, JsonValues.any(1)));
        return Combinators.combine(
                        lines.optional(0.9),
                        payTimeout().optional(0.4),
                        unknownField().optional(0.15))
                .as((items, payTimeout, unknown) -> {
                    ObjectNode order = JSON.objectNode();
                    items.ifPresent(value -> order.set("items", value));
                    payTimeout.ifPresent(value -> order.set("payTimeoutSeconds", value));
                    unknown.ifPresent(field -> order.set(field.get1(), field.get2()));
                    return order;
                });
    }

    private Arbitrary<JsonNode> line() {
        Arbitrary<JsonNode> skus = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(JSON.textNode(sku))), Tuple.of(1, JsonValues.any(1)));
        Arbitrary<JsonNode> quantities = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-2, 10_002).map(JSON::numberNode)),
                Tuple.of(1, JsonValues.any(1)));
        return Combinators.combine(
                        skus.optional(0.95),
                        quantities.optional(0.95),
                        unknownField().optional(0.1))
                .as((sku, quantity, unknown) -> line(sku, quantity, unknown));
    }

    private static JsonNode line(
            Optional<JsonNode> sku, Optional<JsonNode> quantity, Optional<Tuple.Tuple2<String, JsonNode>> unknown) {
        ObjectNode line = JSON.objectNode();
        sku.ifPresent(value -> line.set("sku", value));
        quantity.ifPresent(value -> line.set("quantity", value));
        unknown.ifPresent(field -> line.set(field.get1(), field.get2()));
        return line;
    }

    private static Arbitrary<JsonNode> payTimeout() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(-1, 700_000).map(JSON::numberNode)),
                Tuple.of(1, JsonValues.any(0)));
    }

    private static Arbitrary<Tuple.Tuple2<String, JsonNode>> unknownField() {
        return Combinators.combine(
                        Arbitraries.of("id", "status", "userId", "total", "price", "__proto__", "items2"),
                        JsonValues.any(1))
                .as(Tuple::of);
    }
}
