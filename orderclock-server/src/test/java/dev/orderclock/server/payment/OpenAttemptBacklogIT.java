package dev.orderclock.server.payment;

import dev.orderclock.server.OrderclockApplication;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.Shop;
import dev.orderclock.simulator.SimulatorApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart on a backlog of overdue orders with open trades: the engine starts before the web server
 * listens, and its start-up channel checks wait for the port the simulator's address names instead of
 * failing on it. With the nodes pointed at one standalone simulator (as the cluster runs it), a payment
 * whose notification was lost is found by the restarted node, because the channel is the same one.
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenAttemptBacklogIT {

    private static final int TIMEOUT_SECONDS = 3;
    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aRestartDecidesOverdueOrdersWithOpenTradesAtTheBuiltInSimulatorWithoutWaitingForAPort(CapturedOutput output) {
        // given orders with open trades at the built-in simulator, left overdue while the server is down
        Path data = dir.resolve("data");
        List<String> ids = new ArrayList<>();
        Instant lastDeadline;
        try (ConfigurableApplicationContext first = node(data)) {
            lastDeadline = openTrades(api(first), 4, ids);
        }
        awaitPast(lastDeadline);

        // when it starts again on the same data
        try (ConfigurableApplicationContext second = node(data)) {
            Shop shop = new Shop(api(second));

            // then the backlog's checks reach the (new, empty) simulator and every order is closed
            await("the backlog decided")
                    .atMost(DECIDED_WITHIN)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> ids.stream().allMatch(id -> "CLOSED".equals(status(shop, id))));
        }
        assertThat(output).doesNotContain("Could not resolve placeholder").doesNotContain("checking order");
    }

    @Test
    void aNodeSharingAStandaloneSimulatorFindsAPaymentWhoseNotificationWasLostAfterARestart(CapturedOutput output) {
        // given one simulator process for the shop, and a node configured from the file it writes
        Path config = dir.resolve("sim/channels.properties");
        Path data = dir.resolve("node");
        try (ConfigurableApplicationContext simulator = SpringApplication.run(
                SimulatorApplication.class,
                "--server.port=0",
                "--orderclock.admin-token=" + Api.OPERATOR_TOKEN,
                "--orderclock.sim.shop-config-file=" + config)) {
            Api sim = api(simulator);
            String paidId;
            String unpaidId;
            Instant lastDeadline;
            try (ConfigurableApplicationContext first = node(data, "--spring.config.import=file:" + config)) {
                assertThat(first.getEnvironment().getProperty("orderclock.sim.enabled"))
                        .isEqualTo("false");
                List<String> ids = new ArrayList<>();
                List<String> trades = new ArrayList<>();
                lastDeadline = openTrades(api(first), 2, ids, trades);
                paidId = ids.get(0);
                unpaidId = ids.get(1);

                // when the buyer pays one trade, the notification is lost, and the node goes down
                new SimFaults(sim).set("\"notify-drop-rate\":1");
                assertThat(sim.post("/sim/trades/" + trades.get(0) + "/pay").send())
                        .hasStatus(200);
            }
            awaitPast(lastDeadline);

            // then, started again, the node asks the same channel: the paid order is paid, the other closed
            try (ConfigurableApplicationContext second = node(data, "--spring.config.import=file:" + config)) {
                Shop shop = new Shop(api(second));
                await("the backlog decided")
                        .atMost(DECIDED_WITHIN)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> "PAID".equals(status(shop, paidId)) && "CLOSED".equals(status(shop, unpaidId)));
            }
        }
        assertThat(output).doesNotContain("Could not resolve placeholder");
    }

    private static Instant openTrades(Api api, int count, List<String> ids) {
        return openTrades(api, count, ids, new ArrayList<>());
    }

    /** Places {@code count} orders due in a few seconds and opens an Alipay trade for each; answers the last deadline. */
    private static Instant openTrades(Api api, int count, List<String> ids, List<String> trades) {
        Shop shop = new Shop(api);
        String sku = shop.product(100);
        String user = Shop.newUser();
        Instant last = Instant.MIN;
        for (int i = 0; i < count; i++) {
            Reply order = shop.order(user, sku, 1, TIMEOUT_SECONDS);
            assertThat(order).hasStatus(201);
            String id = order.text("id");
            Reply pay = api.post("/api/orders/" + id + "/pay").as(user).send();
            assertThat(pay).hasStatus(201);
            ids.add(id);
            trades.add(pay.text("tradeNo"));
            Instant deadline = Instant.parse(order.text("payDeadline"));
            last = deadline.isAfter(last) ? deadline : last;
        }
        return last;
    }

    /** Real time must pass here: the deadlines fall while no server runs. */
    private static void awaitPast(Instant deadline) {
        await("the deadlines passed")
                .atMost(Duration.ofSeconds(TIMEOUT_SECONDS + 5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Instant.now().isAfter(deadline.plusMillis(200)));
    }

    private static String status(Shop shop, String id) {
        return shop.orderAsOperator(id).path("status").asText();
    }

    private static ConfigurableApplicationContext node(Path data, String... more) {
        String[] args = Stream.concat(
                        Stream.of(
                                "--server.port=0",
                                "--orderclock.data-dir=" + data,
                                "--orderclock.admin-token=" + Api.OPERATOR_TOKEN,
                                "--orderclock.limits.enabled=false",
                                "--orderclock.payments.min-backoff=200ms",
                                "--orderclock.payments.max-backoff=1s",
                                "--orderclock.payments.check-claim=5s"),
                        Stream.of(more))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(OrderclockApplication.class).run(args);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
