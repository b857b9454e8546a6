package dev.orderclock.simulator;

import dev.orderclock.order.OrderId;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's own endpoints exactly as docs/API.md writes them: the buyer's and the operator's. */
@RunningServer
class SimulatorApiIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("alipay")
    PaymentChannel alipay;

    Api api;
    SimApi sim;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        sim = new SimApi(api);
    }

    @AfterEach
    void noFaults() {
        sim.noFaults();
    }

    @Test
    void aTradeIsShownAsTheContractWritesIt() {
        long orderId = ThreadLocalRandom.current().nextLong(1, 1L << 50);
        OpenedTrade trade = alipay.open(new TradeRequest(
                PaymentAttempt.tradeNo(OrderId.format(orderId), 1),
                orderId,
                new BigDecimal("19.98"),
                "Green tea",
                Instant.parse("2099-11-24T11:50:00.123Z")));

        JsonNode shown = sim.trade(trade.tradeNo());

        assertThat(shown.fieldNames())
                .toIterable()
                .startsWith("tradeNo", "channel", "orderId", "amount", "status", "expiresAt");
        assertThat(shown.path("tradeNo").asText()).isEqualTo(trade.tradeNo());
        assertThat(shown.path("channel").asText()).isEqualTo("alipay");
        assertThat(shown.path("orderId").asText()).isEqualTo(OrderId.format(orderId));
        assertThat(shown.path("amount").asText()).isEqualTo("19.98");
        assertThat(shown.path("status").asText()).isEqualTo("WAIT_BUYER_PAY");
        assertThat(shown.path("expiresAt").asText()).isEqualTo("2099-11-24T11:50:00.000Z");
    }

    @Test
    void theBuyerPaysOnceAndIsRefusedTheSecondTime() {
        OpenedTrade trade = open();

        Reply paid = sim.pay(trade.tradeNo());
        Reply again = sim.pay(trade.tradeNo());

        assertThat(paid).hasStatus(200);
        assertThat(paid.json().path("status").asText()).isEqualTo("TRADE_SUCCESS");
        assertThat(again).isProblem(409, "payment-refused");
        assertThat(again.json().path("tradeStatus").asText()).isEqualTo("TRADE_SUCCESS");
    }

    @Test
    void anUnknownTradeIsNotFound() {
        Reply missing = api.get("/sim/trades/NO-SUCH-TRADE").send();
        assertThat(missing).isProblem(404, "not-found");
        assertThat(missing.json().path("title").asText()).isEqualTo("Not found");
        assertThat(missing.json().path("tradeNo").asText()).isEqualTo("NO-SUCH-TRADE");
        assertThat(sim.pay("NO-SUCH-TRADE")).isProblem(404, "not-found");
        assertThat(sim.scan("NO-SUCH-TRADE")).isProblem(404, "not-found");
    }

    @Test
    void onlyAnOperatorSeesOrChangesTheFaults() {
        assertThat(api.get("/sim/faults").send()).isProblem(401, "unauthenticated");
        assertThat(api.method("PUT", "/sim/faults")
                        .json("{\"query-fail-rate\":1}")
                        .send())
                .isProblem(401, "unauthenticated");
        assertThat(api.method("PUT", "/sim/faults")
                        .as("u-1")
                        .json("{\"query-fail-rate\":1}")
                        .send())
                .isProblem(403, "forbidden");
        // the caller is refused before the body is read: a shopper learns nothing about what a fault may be
        assertThat(api.method("PUT", "/sim/faults")
                        .as("u-1")
                        .json("{\"query-fail-rate\":7}")
                        .send())
                .isProblem(403, "forbidden");
        assertThat(api.get("/sim/alipay/console").as("u-1").send()).isProblem(403, "forbidden");
        assertThat(api.get("/sim/wechat/console").as("u-1").send()).isProblem(403, "forbidden");
    }

    @Test
    void aPutChangesTheSwitchesItNamesAndAGetShowsThemAll() {
        Reply changed = api.method("PUT", "/sim/faults")
                .asOperator()
                .json("{\"notify-drop-rate\":0.3,\"unscanned-not-exist\":true}")
                .send();

        assertThat(changed).hasStatus(200);
        JsonNode shown = api.get("/sim/faults").asOperator().send().json();
        assertThat(shown.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "notify-drop-rate",
                        "notify-duplicate-rate",
                        "notify-delay-ms",
                        "query-fail-rate",
                        "refund-fail-rate",
                        "accept-after-close",
                        "unscanned-not-exist",
                        "retry-scale",
                        "open-amount-offset");
        assertThat(shown.path("notify-drop-rate").asDouble()).isEqualTo(0.3);
        assertThat(shown.path("unscanned-not-exist").asBoolean()).isTrue();
        assertThat(shown.path("retry-scale").asDouble()).isEqualTo(1.0);
    }

    @Test
    void refusesImpossibleOrMistypedSwitches() {
        for (String body : new String[] {
            "{\"query-fail-rate\":2}",
            "{\"retry-scale\":0}",
            "{\"notify-delay-ms\":-1}",
            "{\"query-fail-rate\":\"0.5\"}",
            "{\"queryFailRate\":0.5}",
            "{\"no-such-switch\":1}",
            "not json"
        }) {
            assertThat(api.method("PUT", "/sim/faults").asOperator().json(body).send())
                    .as(body)
                    .isProblem(400, "invalid-request");
        }
        assertThat(api.get("/sim/faults")
                        .asOperator()
                        .send()
                        .json()
                        .path("query-fail-rate")
                        .asDouble())
                .isZero();
    }

    @Test
    void countsWhatBecameOfTheNotifications() {
        JsonNode stats = api.get("/sim/notifications").send().json();

        assertThat(stats.fieldNames())
                .toIterable()
                .contains("notifications", "dropped", "duplicated", "attempts", "accepted", "abandoned", "pending");
    }

    @Test
    void theGatewayAnswersAnEmptyCallWithASignedError() {
        Reply reply = api.post("/sim/alipay/gateway.do").send();

        assertThat(reply).hasStatus(200);
        assertThat(reply.contentType()).startsWith("text/html;charset=");
        assertThat(reply.json().path("error_response").path("sub_code").asText())
                .isEqualTo("isv.missing-method");
        assertThat(reply.json().path("sign").asText()).isNotEmpty();
    }

    private OpenedTrade open() {
        long orderId = ThreadLocalRandom.current().nextLong(1, 1L << 50);
        return alipay.open(new TradeRequest(
                PaymentAttempt.tradeNo(OrderId.format(orderId), 1),
                orderId,
                new BigDecimal("9.99"),
                "Green tea",
                Instant.now().plusSeconds(600)));
    }
}
