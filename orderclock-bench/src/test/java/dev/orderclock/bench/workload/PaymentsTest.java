package dev.orderclock.bench.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The payments' accounting against a stand-in for the server's /pay and the simulator's buyer, on loopback. */
class PaymentsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private HttpServer server;
    private OrderApi api;
    /** When each call came, in order: "open ORD-x" and "buyer T-ORD-x". */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** The buyer's answer per trade: 200 accepted unless told otherwise. */
    private final Map<String, Integer> buyerAnswer = new ConcurrentHashMap<>();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/orders/", exchange -> {
            String order = exchange.getRequestURI().getPath().split("/")[3];
            calls.add("open " + order);
            answer(exchange, order.endsWith("closed") ? 409 : 201, "{\"tradeNo\":\"T-" + order + "\"}");
        });
        server.createContext("/sim/trades/", exchange -> {
            String trade = exchange.getRequestURI().getPath().split("/")[3];
            calls.add("buyer " + trade);
            answer(exchange, buyerAnswer.getOrDefault(trade, 200), "{}");
        });
        server.start();
        api = new OrderApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "token");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyChosenOrderIsIntendedAndCountedAsAcceptedRefusedOrNotOpened() throws Exception {
        // given orders all chosen (share 1), already past their pay moment so the buyer pays at once,
        // one the channel refuses and one whose trade the server does not open
        Payments payments = new Payments(api, 1.0, Duration.ofSeconds(1), InstantSource.fixed(NOW));
        buyerAnswer.put("T-ORD-refused", 409);
        List<String> orders = List.of("ORD-a", "ORD-b", "ORD-refused", "ORD-closed");

        // when each is considered and the payments are let finish
        orders.forEach(id -> payments.consider(new CreatedOrder(id, "user-1", NOW)));
        payments.close();

        // then four were intended, two accepted, one refused by the channel, one never opened
        assertThat(payments.intended()).isEqualTo(4);
        assertThat(payments.accepted()).containsExactlyInAnyOrder("ORD-a", "ORD-b");
        assertThat(payments.refused()).isEqualTo(1);
        assertThat(payments.notOpened()).isEqualTo(1);
        assertThat(payments.failed()).isZero();
    }

    @Test
    void theTradeIsOpenedAtOnceAndTheBuyerWaitsForTheLeadBeforeTheDeadline() throws Exception {
        // given an order due in 5 s on a clock that does not move, paid 1 s before: the buyer is 4 s away
        Payments payments = new Payments(api, 1.0, Duration.ofSeconds(1), InstantSource.fixed(NOW));
        payments.consider(new CreatedOrder("ORD-later", "user-1", NOW.plusSeconds(5)));

        // when the trade openings are done (the opener finishes; the buyer's turn is still ahead)
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("open ORD-later"));

        // then the trade is open and the buyer has not paid yet
        assertThat(calls).containsExactly("open ORD-later");
        assertThat(payments.intended()).isEqualTo(1);
        assertThat(payments.accepted()).isEmpty();
    }

    @Test
    void aLeadUnderASecondIsRefused() {
        assertThatThrownBy(() -> new Payments(api, 0.1, Duration.ofMillis(500), InstantSource.fixed(NOW)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
