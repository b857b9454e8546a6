package dev.orderclock.server.problem;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Every malformed product or restock is a problem document and creates or adds nothing. */
@RunningServer
class BadProductInputIT {

    @LocalServerPort
    int port;

    Api api;
    Shop shop;
    String sku;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        sku = "NEW-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPriceWithThreeDecimalsIsRefused() {
        assertNotCreated(create("\"price\":\"9.999\",\"stock\":1"));
    }

    @Test
    void aPriceSentAsANumberIsRefused() {
        assertNotCreated(create("\"price\":9.99,\"stock\":1"));
    }

    @Test
    void aPriceThatIsNotADecimalIsRefused() {
        assertNotCreated(create("\"price\":\"9,99\",\"stock\":1"));
    }

    @Test
    void aZeroPriceIsRefused() {
        assertNotCreated(create("\"price\":\"0.00\",\"stock\":1"));
    }

    @Test
    void aNegativePriceIsRefused() {
        assertNotCreated(create("\"price\":\"-1.00\",\"stock\":1"));
    }

    @Test
    void aNegativeStockIsRefused() {
        assertNotCreated(create("\"price\":\"9.99\",\"stock\":-1"));
    }

    @Test
    void aStockSentAsAStringIsRefused() {
        assertNotCreated(create("\"price\":\"9.99\",\"stock\":\"1\""));
    }

    @Test
    void aMissingStockIsRefused() {
        assertNotCreated(create("\"price\":\"9.99\""));
    }

    @Test
    void aBlankNameIsRefused() {
        Reply reply = api.post("/api/products")
                .asOperator()
                .json("{\"sku\":\"%s\",\"name\":\"  \",\"price\":\"9.99\",\"stock\":1}".formatted(sku))
                .send();

        assertNotCreated(reply);
    }

    @Test
    void aSkuWithASpaceIsRefused() {
        Reply reply = api.post("/api/products")
                .asOperator()
                .json("{\"sku\":\"TEA 1\",\"name\":\"Tea\",\"price\":\"9.99\",\"stock\":1}")
                .send();

        assertThat(reply).isProblem(400);
    }

    @Test
    void aRestockOfZeroIsRefused() {
        String existing = shop.product(5);

        Reply reply = api.post("/api/products/" + existing + "/restock")
                .asOperator()
                .json("{\"quantity\":0}")
                .send();

        assertThat(reply).isProblem(400);
        assertThat(shop.product(existing).path("stock").asLong()).isEqualTo(5);
    }

    @Test
    void aNegativeRestockIsRefused() {
        String existing = shop.product(5);

        Reply reply = api.post("/api/products/" + existing + "/restock")
                .asOperator()
                .json("{\"quantity\":-3}")
                .send();

        assertThat(reply).isProblem(400);
        assertThat(shop.product(existing).path("stock").asLong()).isEqualTo(5);
    }

    private Reply create(String priceAndStock) {
        return api.post("/api/products")
                .asOperator()
                .json("{\"sku\":\"%s\",\"name\":\"Tea\",%s}".formatted(sku, priceAndStock))
                .send();
    }

    private void assertNotCreated(Reply reply) {
        assertThat(reply).isProblem(400);
        assertThat(api.get("/api/products/" + sku).asOperator().send())
                .as("the product after a refusal")
                .isProblem(404);
    }
}
