package dev.orderclock.server.apidocs;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the server generates ({@code /v3/api-docs}) carries the contract of docs/API.md:
 * every route with its method and statuses, every field of the representations, every enum value as
 * written there. The contract is written below as data, by hand from docs/API.md, not parsed from it.
 */
@RunningServer
class OpenApiContractIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** Method, path and every status docs/API.md names for it (errors included). */
    private record Route(String method, String path, Set<Integer> statuses) {

        static Route of(String method, String path, Integer... statuses) {
            return new Route(method, path, Set.of(statuses));
        }
    }

    private static final List<Route> ROUTES = List.of(
            Route.of("POST", "/api/products", 201, 400, 401, 403, 409, 413),
            Route.of("GET", "/api/products/{sku}", 200, 401, 404),
            Route.of("POST", "/api/products/{sku}/restock", 200, 400, 401, 403, 404),
            Route.of("POST", "/api/orders", 201, 400, 401, 404, 409, 413, 422, 429),
            Route.of("GET", "/api/orders/{id}", 200, 401, 404),
            Route.of("GET", "/api/orders", 200, 400, 401),
            Route.of("POST", "/api/orders/{id}/cancel", 200, 401, 404, 409),
            Route.of("POST", "/api/orders/{id}/pay", 201, 400, 401, 404, 409, 413, 422, 429, 503),
            Route.of("POST", "/api/orders/{id}/ship", 200, 401, 403, 404, 409),
            Route.of("POST", "/api/orders/{id}/confirm", 200, 401, 404, 409),
            Route.of("POST", "/api/payments/alipay/notify", 200, 413),
            Route.of("POST", "/api/payments/wechat/notify", 204, 400, 401),
            Route.of("POST", "/sim/trades/{tradeNo}/pay", 200, 403, 404, 409),
            Route.of("GET", "/sim/trades/{tradeNo}", 200, 403, 404),
            Route.of("PUT", "/sim/faults", 200, 400, 403),
            Route.of("GET", "/api/events", 200, 401, 403),
            Route.of("GET", "/api/stats", 200, 401, 403),
            Route.of("GET", "/actuator/health", 200),
            Route.of("GET", "/actuator/prometheus", 200, 401, 403),
            Route.of("GET", "/", 200));

    /** The channels answer their notifications in their own formats; every other error is a problem document. */
    private static final Set<String> CHANNEL_FORMATS =
            Set.of("/api/payments/alipay/notify", "/api/payments/wechat/notify");

    private static final List<String> ORDER_FIELDS = List.of(
            "id",
            "userId",
            "status",
            "closeReason",
            "amount",
            "currency",
            "items",
            "createdAt",
            "payDeadline",
            "paidAt",
            "closedAt",
            "shippedAt",
            "completedAt",
            "refund");

    @LocalServerPort
    int port;

    private JsonNode document;

    @BeforeEach
    void readTheDocument() {
        Reply reply = new Api(port).get("/v3/api-docs").send();
        assertThat(reply.status()).isEqualTo(200);
        document = reply.json();
    }

    @Test
    void everyRouteOfTheContractIsThereWithEveryStatusItNames() {
        List<String> missing = new ArrayList<>();
        for (Route route : ROUTES) {
            JsonNode operation = operation(route);
            if (operation.isMissingNode()) {
                missing.add(route.method() + " " + route.path());
                continue;
            }
            for (int status : route.statuses()) {
                if (!operation.path("responses").has(String.valueOf(status))) {
                    missing.add(route.method() + " " + route.path() + " " + status);
                }
            }
        }
        assertThat(missing)
                .as("routes and statuses of docs/API.md missing from /v3/api-docs")
                .isEmpty();
    }

    @Test
    void everyErrorOfTheApiIsAProblemDocument() {
        List<String> notProblems = new ArrayList<>();
        for (Route route : ROUTES) {
            for (int status : route.statuses()) {
                JsonNode content = operation(route)
                        .path("responses")
                        .path(String.valueOf(status))
                        .path("content");
                boolean channelsOwn = CHANNEL_FORMATS.contains(route.path()) && status != 413;
                if (status >= 400
                        && !channelsOwn
                        && !Set.copyOf(strings(
                                        resolve(content.path(PROBLEM_JSON).path("schema"))
                                                .path("required")))
                                .equals(Set.of("type", "title", "status", "detail"))) {
                    notProblems.add(route.method() + " " + route.path() + " " + status);
                }
            }
        }
        assertThat(notProblems).isEmpty();
    }

    @Test
    void theOrderRepresentationHasEveryFieldWithTheEnumsAsWritten() {
        JsonNode order = response("GET", "/api/orders/{id}", 200);
        assertThat(fields(order)).containsAll(ORDER_FIELDS);
        assertThat(enumOf(order, "status"))
                .containsExactly("PENDING_PAYMENT", "PAID", "SHIPPED", "COMPLETED", "CLOSED");
        assertThat(enumOf(order, "closeReason")).containsExactly("PAYMENT_TIMEOUT", "USER_CANCELLED");
        assertThat(fields(resolve(order.path("properties").path("items").path("items"))))
                .containsAll(List.of("sku", "quantity", "unitPrice"));
        JsonNode refund = resolve(order.path("properties").path("refund"));
        assertThat(fields(refund)).containsAll(List.of("status", "amount", "tradeNo"));
        assertThat(enumOf(refund, "status")).containsExactly("REFUND_PENDING", "REFUNDED");
        assertThat(types(order, "amount", "createdAt", "payDeadline")).containsOnly("string"); // money is never a float

        for (String path : List.of("/api/orders/{id}/cancel", "/api/orders/{id}/ship", "/api/orders/{id}/confirm")) {
            assertThat(fields(response("POST", path, 200))).as(path).containsAll(ORDER_FIELDS);
        }
        assertThat(fields(response("POST", "/api/orders", 201))).containsAll(ORDER_FIELDS);
        JsonNode list = response("GET", "/api/orders", 200);
        assertThat(fields(list)).containsAll(List.of("orders", "nextCursor"));
        assertThat(fields(resolve(list.path("properties").path("orders").path("items"))))
                .containsAll(ORDER_FIELDS);
    }

    @Test
    void theListingTakesTheStatusLimitAndCursorOfTheContract() {
        JsonNode parameters = operation(Route.of("GET", "/api/orders")).path("parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("status", "limit", "cursor");
        parameters.forEach(parameter -> {
            if (parameter.path("name").asText().equals("status")) {
                assertThat(strings(parameter.path("schema").path("enum")))
                        .containsExactly("PENDING_PAYMENT", "PAID", "SHIPPED", "COMPLETED", "CLOSED");
            }
        });
    }

    @Test
    void requestBodiesHaveTheFieldsOfTheContract() {
        JsonNode newOrder = request("POST", "/api/orders");
        assertThat(fields(newOrder)).containsExactlyInAnyOrder("items", "payTimeoutSeconds");
        assertThat(fields(resolve(newOrder.path("properties").path("items").path("items"))))
                .containsExactlyInAnyOrder("sku", "quantity");
        assertThat(fields(request("POST", "/api/products"))).containsExactlyInAnyOrder("sku", "name", "price", "stock");
        assertThat(fields(request("POST", "/api/products/{sku}/restock"))).containsExactly("quantity");
        JsonNode pay = request("POST", "/api/orders/{id}/pay");
        assertThat(fields(pay)).containsExactly("channel");
        assertThat(enumOf(pay, "channel")).containsExactly("alipay", "wechat");
        assertThat(fields(request("PUT", "/sim/faults")))
                .containsAll(List.of(
                        "notify-drop-rate",
                        "notify-duplicate-rate",
                        "notify-delay-ms",
                        "query-fail-rate",
                        "accept-after-close",
                        "unscanned-not-exist",
                        "retry-scale"));
    }

    @Test
    void productTradeStatsAndEventsHaveEveryFieldOfTheContract() {
        JsonNode product = response("GET", "/api/products/{sku}", 200);
        assertThat(fields(product)).containsAll(List.of("sku", "name", "price", "stock", "available"));
        assertThat(types(product, "price")).containsOnly("string");
        assertThat(fields(response("POST", "/api/products", 201))).containsAll(fields(product));
        assertThat(fields(response("POST", "/api/products/{sku}/restock", 200))).containsAll(fields(product));

        JsonNode attempt = response("POST", "/api/orders/{id}/pay", 201);
        assertThat(fields(attempt)).containsAll(List.of("tradeNo", "channel", "payUrl", "expiresAt"));
        assertThat(enumOf(attempt, "channel")).containsExactly("alipay", "wechat");

        JsonNode simulated = response("GET", "/sim/trades/{tradeNo}", 200);
        assertThat(fields(simulated))
                .containsAll(List.of("tradeNo", "channel", "orderId", "amount", "status", "expiresAt"));
        assertThat(enumOf(simulated, "status"))
                .containsExactly(
                        "WAIT_BUYER_PAY", "TRADE_SUCCESS", "TRADE_CLOSED", "NOTPAY", "SUCCESS", "CLOSED", "REFUND");
        assertThat(enumOf(simulated, "channel")).containsExactly("alipay", "wechat");
        assertThat(fields(response("POST", "/sim/trades/{tradeNo}/pay", 200))).containsAll(fields(simulated));

        JsonNode stats = response("GET", "/api/stats", 200);
        assertThat(fields(stats)).containsAll(List.of("orders", "closedByTimeout", "closeLag", "engine"));
        assertThat(fields(resolve(stats.path("properties").path("closeLag"))))
                .containsAll(List.of("p50Ms", "p99Ms", "maxMs", "count"));
        JsonNode engine = resolve(stats.path("properties").path("engine"));
        assertThat(fields(engine)).containsAll(List.of("mode", "inMemory", "horizonSeconds"));
        assertThat(enumOf(engine, "mode")).containsExactly("embedded", "cluster");

        JsonNode event = resolve(operation(Route.of("GET", "/api/events"))
                .path("responses")
                .path("200")
                .path("content")
                .path("text/event-stream")
                .path("schema"));
        assertThat(fields(event)).containsAll(List.of("eventId", "type", "orderId", "occurredAt", "order"));
        assertThat(enumOf(event, "type"))
                .containsExactly(
                        "order.created",
                        "order.paid",
                        "order.closed",
                        "order.refunded",
                        "order.shipped",
                        "order.completed");
        assertThat(fields(resolve(event.path("properties").path("order")))).containsAll(ORDER_FIELDS);
    }

    @Test
    void theDocumentDescribesTheThreeWaysACallerIsIdentified() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("operator").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("shopperJwt").path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(schemes.path("userHeader").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("userHeader").path("name").asText()).isEqualTo("X-User-Id");
        assertThat(operation(Route.of("POST", "/api/products")).path("security").toString())
                .isEqualTo("[{\"operator\":[]}]");
        assertThat(operation(Route.of("POST", "/api/orders")).path("security").toString())
                .contains("shopperJwt", "userHeader");
    }

    @Test
    void theDocumentAndItsBrowsableUiAnswerWithoutAnyIdentity() {
        Api api = new Api(port);
        Reply ui = api.get("/swagger-ui/index.html").send();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(api.get("/swagger-ui.html").send().status()).isEqualTo(302);
        assertThat(document.path("openapi").asText()).startsWith("3.");
    }

    private JsonNode operation(Route route) {
        return document.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
    }

    /** The schema of a response, whatever its JSON media type. */
    private JsonNode response(String method, String path, int status) {
        JsonNode content = operation(Route.of(method, path))
                .path("responses")
                .path(String.valueOf(status))
                .path("content");
        assertThat(content.has("application/json"))
                .as(method + " " + path + " " + status + " answers JSON")
                .isTrue();
        return resolve(content.path("application/json").path("schema"));
    }

    private JsonNode request(String method, String path) {
        return resolve(operation(Route.of(method, path))
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema"));
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    private static Set<String> fields(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> enumOf(JsonNode schema, String field) {
        return strings(schema.path("properties").path(field).path("enum"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A property's JSON type; OpenAPI 3.1 writes a nullable one as {@code ["string","null"]}. */
    private static Set<String> types(JsonNode schema, String... names) {
        Set<String> types = new TreeSet<>();
        for (String name : names) {
            JsonNode type = schema.path("properties").path(name).path("type");
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
                types.remove("null");
            } else {
                types.add(type.asText());
            }
        }
        return types;
    }
}
