package dev.orderclock.server.stock;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@RunningServer
class ProductApiIT {

    @LocalServerPort
    int port;

    Api api;
    Shop shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
    }

    @Test
    void anOperatorAddsAProductWithAllItsStockAvailable() {
        Reply reply = api.post("/api/products").asOperator().json("""
                        {"sku":"TEA-NEW-1","name":"Green tea","price":"9.9","stock":100}""").send();

        assertThat(reply).hasStatus(201);
        assertThat(reply.body()).isEqualTo("""
                {"sku":"TEA-NEW-1","name":"Green tea","price":"9.90","stock":100,"available":100}""");
    }

    @Test
    void aNewProductIsFoundWhereTheLocationHeaderPoints() {
        Reply created = api.post("/api/products").asOperator().json("""
                        {"sku":"TEA-NEW-2","name":"Black tea","price":"5.00","stock":3}""").send();

        Reply found = api.get(created.headers().firstValue("Location").orElseThrow())
                .as("u-1")
                .send();

        assertThat(found.json().path("name").asText()).isEqualTo("Black tea");
    }

    @Test
    void anExistingSkuIsRefusedWith409AndTheFirstProductIsKept() {
        String sku = shop.product(7);

        Reply reply =
                api.post("/api/products").asOperator().json("""
                        {"sku":"%s","name":"Other","price":"1.00","stock":1}""".formatted(sku)).send();

        assertThat(reply).isProblem(409, "sku-exists");
        assertThat(shop.product(sku).path("stock").asLong()).isEqualTo(7);
    }

    @Test
    void anyIdentifiedCallerReadsAProduct() {
        String sku = shop.product(5);

        Reply reply = api.get("/api/products/" + sku).as("u-anyone").send();

        assertThat(reply).hasStatus(200);
        assertThat(reply.json().path("available").asLong()).isEqualTo(5);
    }

    @Test
    void anUnknownProductAnswers404() {
        Reply reply = api.get("/api/products/NO-SUCH-SKU").as("u-1").send();

        assertThat(reply).isProblem(404, "product-not-found");
    }

    @Test
    void aRestockAddsToStockAndAvailable() {
        String sku = shop.product(10);
        shop.pendingOrder(Shop.newUser(), sku, 4);

        Reply reply = api.post("/api/products/" + sku + "/restock")
                .asOperator()
                .json("{\"quantity\":50}")
                .send();

        assertThat(reply).hasStatus(200);
        assertThat(reply.json().path("stock").asLong()).isEqualTo(60);
        assertThat(reply.json().path("available").asLong()).isEqualTo(56);
    }

    @Test
    void restockingAnUnknownProductAnswers404() {
        Reply reply = api.post("/api/products/NO-SUCH-SKU/restock")
                .asOperator()
                .json("{\"quantity\":1}")
                .send();

        assertThat(reply).isProblem(404, "product-not-found");
    }

    @Test
    void aShopperMayNotAddProducts() {
        Reply reply = api.post("/api/products").as("u-1").json("""
                        {"sku":"TEA-BY-SHOPPER","name":"Green tea","price":"9.99","stock":1}""").send();

        assertThat(reply).isProblem(403, "forbidden");
    }

    @Test
    void aShopperMayNotRestock() {
        String sku = shop.product(1);

        Reply reply = api.post("/api/products/" + sku + "/restock")
                .as("u-1")
                .json("{\"quantity\":1}")
                .send();

        assertThat(reply).isProblem(403, "forbidden");
    }
}
