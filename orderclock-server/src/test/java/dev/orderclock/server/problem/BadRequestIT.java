package dev.orderclock.server.problem;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Identity, size, path and method problems: each a problem document, none changing anything. */
@RunningServer
class BadRequestIT {

    @LocalServerPort
    int port;

    Api api;
    Shop shop;
    String sku;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        sku = shop.product(20);
    }

    @Test
    void anOrderWithoutAnyIdentityIsRefusedWith401() {
        Reply reply = api.post("/api/orders").json(oneLine()).send();

        assertThat(reply).isProblem(401, "unauthenticated");
        assertThat(shop.available(sku)).isEqualTo(20);
    }

    @Test
    void aUserIdWithASpaceIsRefusedWith401() {
        assertThat(api.post("/api/orders").as("u 42").json(oneLine()).send()).isProblem(401);
    }

    @Test
    void aUserIdOverSixtyFourCharactersIsRefusedWith401() {
        assertThat(api.post("/api/orders").as("u".repeat(65)).json(oneLine()).send())
                .isProblem(401);
    }

    @Test
    void anEmptyUserIdIsRefusedWith401() {
        assertThat(api.get("/api/orders").header("X-User-Id", "").send()).isProblem(401);
    }

    @Test
    void aWrongOperatorTokenIsRefusedWith401EvenWithAUserId() {
        Reply reply = api.get("/api/orders")
                .header("Authorization", "Bearer wrong")
                .as("u-1")
                .send();

        assertThat(reply).isProblem(401);
    }

    @Test
    void aNonBearerAuthorizationIsRefusedWith401() {
        Reply reply = api.get("/api/stats")
                .header("Authorization", "Basic " + Api.OPERATOR_TOKEN)
                .send();

        assertThat(reply).isProblem(401);
    }

    @Test
    void aRefusalOfIdentityTellsHowToAuthenticate() {
        Reply reply = api.get("/api/orders").send();

        assertThat(reply.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void anotherShoppersOrderAnswers404() {
        String id = shop.pendingOrder("u-owner", sku, 1).path("id").asText();

        assertThat(api.get("/api/orders/" + id).as("u-someone-else").send()).isProblem(404, "order-not-found");
    }

    @Test
    void anotherShopperCannotCancelAnOrder() {
        String id = shop.pendingOrder("u-owner", sku, 1).path("id").asText();

        Reply reply =
                api.post("/api/orders/" + id + "/cancel").as("u-someone-else").send();

        assertThat(reply).isProblem(404);
        assertThat(shop.orderAsOperator(id).path("status").asText()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void anIdThatIsNotAnOrderIdAnswers404() {
        assertThat(api.get("/api/orders/not-an-id").asOperator().send()).isProblem(404);
    }

    @Test
    void cancellingAClosedOrderAnswers409AndChangesNothing() {
        String id = shop.pendingOrder("u-owner", sku, 2).path("id").asText();
        api.post("/api/orders/" + id + "/cancel").as("u-owner").send();

        Reply again = api.post("/api/orders/" + id + "/cancel").as("u-owner").send();

        assertThat(again).isProblem(409, "wrong-order-status");
        assertThat(shop.available(sku)).isEqualTo(20);
    }

    @Test
    void aShopperMayNotReadStats() {
        assertThat(api.get("/api/stats").as("u-1").send()).isProblem(403);
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsRefusedWith413() {
        Reply reply =
                api.post("/api/orders").as("u-1").json(padded(64 * 1024 + 1)).send();

        assertThat(reply).isProblem(413, "body-too-large");
        assertThat(shop.available(sku)).isEqualTo(20);
    }

    @Test
    void aChunkedBodyOverSixtyFourKibibytesIsRefusedWith413() {
        byte[] body = padded(100 * 1024).getBytes(StandardCharsets.UTF_8);

        Reply reply = api.post("/api/orders").as("u-1").chunkedJson(body).send();

        assertThat(reply).isProblem(413, "body-too-large");
        assertThat(shop.available(sku)).isEqualTo(20);
    }

    @Test
    void aBodyOfExactlySixtyFourKibibytesIsAccepted() {
        assertThat(api.post("/api/orders").as("u-1").json(padded(64 * 1024)).send())
                .hasStatus(201);
    }

    @Test
    void anUnknownPathAnswers404() {
        assertThat(api.get("/api/nothing-here").asOperator().send()).isProblem(404, "not-found");
    }

    @Test
    void anUnknownPathPostedToAnswers404() {
        assertThat(api.post("/api/nothing-here").json("{}").send()).isProblem(404);
    }

    @Test
    void theServletErrorPageAnswersAProblemToo() {
        assertThat(api.get("/error").send()).isProblem(404);
    }

    @Test
    void aWrongMethodAnswers405() {
        assertThat(api.method("DELETE", "/api/products/" + sku).asOperator().send())
                .isProblem(405);
    }

    @Test
    void aBodyThatIsNotJsonAnswers415() {
        Reply reply = api.post("/api/orders")
                .as("u-1")
                .header("Content-Type", "text/plain")
                .send();

        assertThat(reply).isProblem(415);
    }

    @Test
    void aClientAcceptingOnlyJsonStillGetsAProblemDocument() {
        Reply reply = api.get("/api/orders/ORD-0000000001")
                .as("u-1")
                .header("Accept", "application/json")
                .send();

        assertThat(reply).isProblem(404);
    }

    @Test
    void aLimitOfZeroIsRefused() {
        assertThat(api.get("/api/orders?limit=0").as("u-1").send()).isProblem(400);
    }

    @Test
    void aLimitOverFiveHundredIsRefused() {
        assertThat(api.get("/api/orders?limit=501").as("u-1").send()).isProblem(400);
    }

    @Test
    void aLimitThatIsNotANumberIsRefused() {
        assertThat(api.get("/api/orders?limit=ten").as("u-1").send()).isProblem(400);
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThat(api.get("/api/orders?status=LOST").as("u-1").send()).isProblem(400);
    }

    @Test
    void aForgedCursorIsRefused() {
        assertThat(api.get("/api/orders?cursor=bm90LWEtY3Vyc29y").as("u-1").send())
                .isProblem(400);
    }

    private String oneLine() {
        return "{\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
    }

    /** A valid one-line order padded with trailing spaces to exactly {@code bytes}. */
    private String padded(int bytes) {
        String order = oneLine();
        return order + " ".repeat(bytes - order.length());
    }
}
