package dev.orderclock.server.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixtures over the API: fresh products and users for each test (the server is shared), and
 * orders placed the way a shopper places them.
 */
public final class Shop {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Api api;

    public Shop(Api api) {
        this.api = api;
    }

    public static String newUser() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet();
    }

    /** A new product priced 9.99 with this stock; answers its SKU. */
    public String product(long stock) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet();
        Reply reply = api.post("/api/products")
                .asOperator()
                .json("""
                        {"sku":"%s","name":"Green tea","price":"9.99","stock":%d}""".formatted(sku, stock))
                .send();
        ReplyAssert.assertThat(reply).hasStatus(201);
        return sku;
    }

    public long available(String sku) {
        return product(sku).path("available").asLong();
    }

    public JsonNode product(String sku) {
        Reply reply = api.get("/api/products/" + sku).asOperator().send();
        ReplyAssert.assertThat(reply).hasStatus(200);
        return reply.json();
    }

    public Reply order(String user, String sku, int quantity, int payTimeoutSeconds) {
        return api.post("/api/orders")
                .as(user)
                .json("""
                        {"items":[{"sku":"%s","quantity":%d}],"payTimeoutSeconds":%d}""".formatted(sku, quantity, payTimeoutSeconds))
                .send();
    }

    /** A pending order with half an hour to pay; answers its representation. */
    public JsonNode pendingOrder(String user, String sku, int quantity) {
        Reply reply = order(user, sku, quantity, 1800);
        ReplyAssert.assertThat(reply).hasStatus(201);
        return reply.json();
    }

    public JsonNode orderAsOperator(String id) {
        Reply reply = api.get("/api/orders/" + id).asOperator().send();
        ReplyAssert.assertThat(reply).hasStatus(200);
        return reply.json();
    }
}
