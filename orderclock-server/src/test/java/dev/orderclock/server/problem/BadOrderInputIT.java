package dev.orderclock.server.problem;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.StringJoiner;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Every malformed order is a problem document and reserves nothing. */
@RunningServer
class BadOrderInputIT {

    private static final long STOCK = 50;

    @LocalServerPort
    int port;

    Api api;
    Shop shop;
    String sku;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        sku = shop.product(STOCK);
    }

    @Test
    void malformedJsonIsRefused() {
        assertRefused(place("{\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":2}"), 400);
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertRefused(place(order("\"quantity\":2", "\"coupon\":\"FREE\"")), 400);
    }

    @Test
    void anUnknownFieldInALineIsRefused() {
        assertRefused(place(order("\"quantity\":2,\"gift\":true")), 400);
    }

    @Test
    void aQuantitySentAsAStringIsRefused() {
        assertRefused(place(order("\"quantity\":\"2\"")), 400);
    }

    @Test
    void aQuantityWithDecimalsIsRefused() {
        assertRefused(place(order("\"quantity\":2.0")), 400);
    }

    @Test
    void aNullQuantityIsRefused() {
        assertRefused(place(order("\"quantity\":null")), 400);
    }

    @Test
    void aQuantityBeyondAnIntegerIsRefused() {
        assertRefused(place(order("\"quantity\":99999999999")), 400);
    }

    @Test
    void aSkuSentAsANumberIsRefused() {
        assertRefused(place("{\"items\":[{\"sku\":42,\"quantity\":1}]}"), 400);
    }

    @Test
    void missingItemsAreRefused() {
        assertRefused(place("{\"payTimeoutSeconds\":60}"), 400);
    }

    @Test
    void emptyItemsAreRefused() {
        assertRefused(place("{\"items\":[]}"), 400);
    }

    @Test
    void aNullLineIsRefused() {
        assertRefused(place("{\"items\":[null]}"), 400);
    }

    @Test
    void aQuantityOfZeroIsRefused() {
        assertRefused(place(order("\"quantity\":0")), 400);
    }

    @Test
    void aNegativeQuantityIsRefused() {
        assertRefused(place(order("\"quantity\":-1")), 400);
    }

    @Test
    void aQuantityOverTenThousandIsRefused() {
        assertRefused(place(order("\"quantity\":10001")), 400);
    }

    @Test
    void theSameSkuTwiceIsRefused() {
        assertRefused(
                place("{\"items\":[{\"sku\":\"%1$s\",\"quantity\":1},{\"sku\":\"%1$s\",\"quantity\":1}]}"
                        .formatted(sku)),
                400);
    }

    @Test
    void moreThanAHundredLinesAreRefused() {
        StringJoiner lines = new StringJoiner(",", "{\"items\":[", "]}");
        for (int i = 0; i < 101; i++) {
            lines.add("{\"sku\":\"" + (i == 0 ? sku : "SKU-LINE-" + i) + "\",\"quantity\":1}");
        }
        assertRefused(place(lines.toString()), 400);
    }

    @Test
    void anUnknownSkuAnswers404() {
        assertRefused(
                place("{\"items\":[{\"sku\":\"%s\",\"quantity\":1},{\"sku\":\"NO-SUCH-SKU\",\"quantity\":1}]}"
                        .formatted(sku)),
                404);
    }

    @Test
    void notEnoughStockAnswers409() {
        assertRefused(place(order("\"quantity\":" + (STOCK + 1))), 409);
    }

    @Test
    void anOrderTotalBeyondWhatTheShopCanHoldIsRefused() {
        String dear = "DEAR-" + sku;
        api.post("/api/products")
                .asOperator()
                .json("{\"sku\":\"%s\",\"name\":\"Gold\",\"price\":\"9999999999.99\",\"stock\":10000}".formatted(dear))
                .send();

        Reply reply = place("{\"items\":[{\"sku\":\"%s\",\"quantity\":10000}]}".formatted(dear));

        assertThat(reply).isProblem(400);
        assertThat(shop.available(dear)).isEqualTo(10000);
    }

    @Test
    void aTimeToPayOfZeroIsRefused() {
        assertRefused(place(order("\"quantity\":1", "\"payTimeoutSeconds\":0")), 400);
    }

    @Test
    void aTimeToPayOverSevenDaysIsRefused() {
        assertRefused(place(order("\"quantity\":1", "\"payTimeoutSeconds\":604801")), 400);
    }

    @Test
    void aTimeToPaySentAsAStringIsRefused() {
        assertRefused(place(order("\"quantity\":1", "\"payTimeoutSeconds\":\"60\"")), 400);
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertRefused(place("[]"), 400);
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertRefused(place(""), 400);
    }

    @Test
    void trailingGarbageAfterTheJsonIsRefused() {
        assertRefused(place(order("\"quantity\":1") + " {}"), 400);
    }

    private Reply place(String json) {
        return api.post("/api/orders").as("u-bad-input").json(json).send();
    }

    /** An order of one line of the test's SKU, with these members in the line and in the order. */
    private String order(String lineMembers, String... orderMembers) {
        String extra = orderMembers.length == 0 ? "" : "," + String.join(",", orderMembers);
        return "{\"items\":[{\"sku\":\"" + sku + "\"," + lineMembers + "}]" + extra + "}";
    }

    private void assertRefused(Reply reply, int status) {
        assertThat(reply).isProblem(status);
        assertThat(shop.available(sku)).as("stock reserved by a refused order").isEqualTo(STOCK);
    }
}
