package dev.orderclock.simulator;

import dev.orderclock.channels.alipay.TestKeys;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.server.OrderclockApplication;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The start-up rule, on the whole server: the simulator runs only when no real channel is configured
 * at all; a real channel beside it is a start-up failure naming the properties. Real channels point
 * at a closed loopback port: nothing here leaves the machine.
 */
@ExtendWith(OutputCaptureExtension.class)
class SimulatorStartupIT {

    private static final String NOWHERE = "http://127.0.0.1:9";

    @Test
    void aRealAlipayBesideTheDefaultSimulatorDoesNotStart(CapturedOutput output) {
        ChannelSetupException refused = catchThrowableOfType(
                ChannelSetupException.class,
                () -> start(
                                "--orderclock.channels.alipay.gateway-url=" + NOWHERE + "/gateway.do",
                                "--orderclock.channels.alipay.app-id=" + TestKeys.APP_ID)
                        .close());

        assertThat(refused.properties())
                .containsExactly("orderclock.channels.alipay.gateway-url", "orderclock.channels.alipay.app-id");
        assertThat(output)
                .contains(
                        "APPLICATION FAILED TO START",
                        "orderclock.channels.alipay.gateway-url",
                        "orderclock.channels.alipay.app-id",
                        "set orderclock.sim.enabled=false");
    }

    @Test
    void aRealWechatBesideTheSimulatorDoesNotStart(CapturedOutput output) {
        ChannelSetupException refused = catchThrowableOfType(
                ChannelSetupException.class,
                () -> start(
                                "--orderclock.sim.enabled=true",
                                "--orderclock.channels.wechat.base-url=" + NOWHERE,
                                "--orderclock.channels.wechat.mchid=1900000109")
                        .close());

        assertThat(refused.properties())
                .containsExactly("orderclock.channels.wechat.base-url", "orderclock.channels.wechat.mchid");
        assertThat(output).contains("APPLICATION FAILED TO START", "orderclock.channels.wechat.mchid");
    }

    @Test
    void withTheSimulatorOffAChannelWithAPropertyForgottenOrNoChannelAtAllDoesNotStart(CapturedOutput output) {
        Throwable halfWechat = catchThrowable(
                () -> start("--orderclock.sim.enabled=false", "--orderclock.channels.wechat.base-url=" + NOWHERE)
                        .close());
        Throwable none =
                catchThrowable(() -> start("--orderclock.sim.enabled=false").close());

        assertThat(halfWechat).rootCause().hasMessageContaining("orderclock.channels.wechat.mchid is not set");
        assertThat(none).isInstanceOf(ChannelSetupException.class);
        assertThat(output).contains("No payment channel");
    }

    @Test
    void withTheSimulatorOffAndOnlyAlipayConfiguredThereIsNoWechatChannelAndNoSimulator() {
        try (ConfigurableApplicationContext server = start(
                "--orderclock.sim.enabled=false",
                "--orderclock.channels.alipay.gateway-url=" + NOWHERE + "/gateway.do",
                "--orderclock.channels.alipay.app-id=" + TestKeys.APP_ID,
                "--orderclock.channels.alipay.private-key=" + TestKeys.merchantPrivate(),
                "--orderclock.channels.alipay.alipay-public-key=" + TestKeys.platformPublic())) {
            Api api = new Api(server.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            Shop shop = new Shop(api);
            String user = Shop.newUser();
            String id = shop.pendingOrder(user, shop.product(5), 1).path("id").asText();
            JsonNode before = shop.orderAsOperator(id);

            assertThat(server.getBeansOfType(PaymentChannel.class)).containsOnlyKeys("alipay");
            assertThat(server.getBeanNamesForType(TradeLedger.class)).isEmpty();
            assertThat(api.post("/api/orders/" + id + "/pay")
                            .as(user)
                            .json("{\"channel\":\"wechat\"}")
                            .send())
                    .isProblem(400, "invalid-request");
            assertThat(shop.orderAsOperator(id)).isEqualTo(before);
            assertThat(before.path("status").asText()).isEqualTo("PENDING_PAYMENT");
            assertThat(api.post("/sim/trades/" + id.replace('-', '_') + "_1/pay")
                            .send()
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void withNothingConfiguredTheSimulatorRunsAndSaysSoOnceWithoutItsSeed(CapturedOutput output) {
        try (ConfigurableApplicationContext server = start("--orderclock.sim.seed=4242424242")) {
            assertThat(server.getBeansOfType(PaymentChannel.class)).containsOnlyKeys("alipay", "wechat");
            assertThat(server.getBeanNamesForType(TradeLedger.class)).hasSize(1);
        }

        List<String> warnings = output.getOut()
                .lines()
                .filter(line -> line.contains("WARN")
                        && line.contains("payments are simulated: orders can be paid without money"))
                .toList();
        assertThat(warnings).hasSize(1);
        assertThat(output).contains("seed: configured").doesNotContain("4242424242");
    }

    private static ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:orderclock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--orderclock.admin-token=" + Api.OPERATOR_TOKEN));
        args.addAll(List.of(settings));
        return SpringApplication.run(OrderclockApplication.class, args.toArray(String[]::new));
    }
}
