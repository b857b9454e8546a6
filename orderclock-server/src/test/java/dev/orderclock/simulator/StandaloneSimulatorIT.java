package dev.orderclock.simulator;

import dev.orderclock.channels.alipay.ShopChannel;
import dev.orderclock.order.OrderId;
import dev.orderclock.payment.InboundNotification;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.PaymentNotification;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.payment.TradeState;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.ServerProcess;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The simulator on its own port, without the order service or a database ({@link SimulatorApplication}),
 * and a shop configured from its console paying through it.
 */
class StandaloneSimulatorIT {

    private static final NotificationCatcher SHOP = new NotificationCatcher();
    private static ConfigurableApplicationContext simulator;
    private static Api api;

    @BeforeAll
    static void start() {
        simulator = SpringApplication.run(
                SimulatorApplication.class,
                "--server.port=0",
                "--orderclock.admin-token=" + Api.OPERATOR_TOKEN,
                "--orderclock.sim.seed=7");
        api = new Api(simulator.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @AfterAll
    static void stop() {
        simulator.close();
        SHOP.close();
    }

    @Test
    void runsWithoutTheOrderServiceOrADatabase() {
        assertThat(simulator.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(simulator.getBeanNamesForType(PaymentChannel.class)).isEmpty();
        assertThat(api.get("/actuator/health").send()).hasStatus(200);
    }

    @Test
    void startsFromTheServerJarWithThePropertiesLauncherAsItsJavadocSays(@TempDir Path dir) throws Exception {
        try (ServerProcess alone = ServerProcess.startMain(SimulatorApplication.class.getName(), dir.resolve("data"))) {
            Api jar = alone.api();

            assertThat(jar.get("/sim/faults").send()).isProblem(401, "unauthenticated");
            assertThat(jar.get("/sim/faults").asOperator().send()).hasStatus(200);
            assertThat(jar.get("/sim/trades/NO-SUCH-TRADE").send()).isProblem(404, "not-found");
            assertThat(jar.get("/api/orders").asOperator().send()).isProblem(404);
        }
    }

    @Test
    void answersWithTheServicesProblemDocumentsAndItsOperatorRule() {
        assertThat(api.get("/sim/faults").as("u-1").send()).isProblem(403, "forbidden");
        assertThat(api.method("PUT", "/sim/faults")
                        .as("u-1")
                        .json("{\"query-fail-rate\":7}")
                        .send())
                .isProblem(403, "forbidden");
        String before = api.get("/sim/faults").asOperator().send().body();
        assertThat(api.method("PUT", "/sim/faults")
                        .asOperator()
                        .json("{\"query-fail-rate\":7}")
                        .send())
                .isProblem(400, "invalid-request");
        assertThat(api.get("/sim/faults").asOperator().send().body()).isEqualTo(before);
        var missing = api.get("/sim/trades/NO-SUCH-TRADE").send();
        assertThat(missing).isProblem(404, "not-found");
        assertThat(missing.json().path("title").asText()).isEqualTo("Not found");
        assertThat(missing.json().path("tradeNo").asText()).isEqualTo("NO-SUCH-TRADE");
    }

    @Test
    void answersOnlyCallersOnThisMachineOrTheOperatorAsTheServiceDoes() throws Exception {
        // the same security chain as the service's, driven in-process for a caller that is not loopback
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) simulator)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        RequestPostProcessor stranger = request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        };

        mvc.perform(post("/sim/trades/ORD_1_1/pay").with(stranger)).andExpect(status().isForbidden());
        mvc.perform(get("/sim/notifications").with(stranger)).andExpect(status().isForbidden());
        mvc.perform(get("/sim/notifications").with(stranger).header("Authorization", "Bearer " + Api.OPERATOR_TOKEN))
                .andExpect(status().isOk());
        mvc.perform(get("/sim/notifications")).andExpect(status().isOk());
    }

    @Test
    void aShopConfiguredFromItsConsoleOpensAndIsNotifiedOfAPayment() {
        SimApi sim = new SimApi(api);
        PaymentChannel alipay = ShopChannel.configuredFrom(sim.alipayConsole(), SHOP.url());
        long orderId = 42;
        OpenedTrade trade = alipay.open(new TradeRequest(
                PaymentAttempt.tradeNo(OrderId.format(orderId), 1),
                orderId,
                new BigDecimal("9.99"),
                "Green tea",
                Instant.now().plusSeconds(600)));

        assertThat(sim.pay(trade.tradeNo())).hasStatus(200);

        assertThat(alipay.query(trade.tradeNo())).isInstanceOf(TradeState.Paid.class);
        NotificationCatcher.Received received = SHOP.await(trade.tradeNo(), 1).get(0);
        PaymentNotification notification =
                alipay.readNotification(new InboundNotification(received.headers(), received.body()));
        assertThat(notification.kind()).isEqualTo(PaymentNotification.Kind.PAID);
    }
}
