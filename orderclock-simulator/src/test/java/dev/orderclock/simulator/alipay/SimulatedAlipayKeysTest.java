package dev.orderclock.simulator.alipay;

import dev.orderclock.channels.alipay.AlipayProperties;
import dev.orderclock.channels.alipay.Rsa2;
import dev.orderclock.channels.keys.RsaKeys;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's console: keys made at start-up and handed to the shop's configuration, unless configured. */
class SimulatedAlipayKeysTest {

    @Test
    void aShopThatConfiguresNothingIsConfiguredForTheSimulatorWithMatchingKeys() {
        StandardEnvironment environment = environment(Map.of());

        new SimulatedAlipayKeys().postProcessEnvironment(environment, null);

        AlipayProperties shop = Binder.get(environment)
                .bind("orderclock.channels.alipay", AlipayProperties.class)
                .get();
        AlipaySimProperties sim = Binder.get(environment)
                .bind("orderclock.sim.alipay", AlipaySimProperties.class)
                .get();
        assertThat(shop.gatewayUrl()).isEqualTo("http://localhost:${local.server.port}/sim/alipay/gateway.do");
        assertThat(shop.appId()).isEqualTo(sim.appId()).isEqualTo(AlipaySimProperties.DEFAULT_APP_ID);
        // What the shop signs, the simulator verifies; what the simulator signs, the shop verifies.
        assertThat(Rsa2.verify(
                        "x",
                        Rsa2.sign("x", RsaKeys.privateKey(shop.privateKey())),
                        RsaKeys.publicKey(sim.merchantPublicKey())))
                .isTrue();
        assertThat(Rsa2.verify(
                        "y",
                        Rsa2.sign("y", RsaKeys.privateKey(sim.platformPrivateKey())),
                        RsaKeys.publicKey(shop.alipayPublicKey())))
                .isTrue();
    }

    @Test
    void aShopThatNamesARealGatewayGetsNothingFromTheSimulator() {
        StandardEnvironment environment =
                environment(Map.of("orderclock.channels.alipay.gateway-url", "https://openapi.alipay.com/gateway.do"));

        new SimulatedAlipayKeys().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("orderclock.channels.alipay.gateway-url"))
                .isEqualTo("https://openapi.alipay.com/gateway.do");
        assertThat(environment.getProperty("orderclock.channels.alipay.private-key"))
                .isNull();
        assertThat(environment.getPropertySources().contains(SimulatedAlipayKeys.SOURCE))
                .isFalse();
    }

    @Test
    void configuredSimulatorKeysWinAndAnOffSimulatorMakesNone() {
        String platformPublic = RsaKeys.encode(RsaKeys.generate().getPublic());
        StandardEnvironment configured = environment(Map.of(
                "orderclock.sim.alipay.app-id",
                "2021000000000042",
                "orderclock.sim.alipay.platform-public-key",
                platformPublic));
        StandardEnvironment off = environment(Map.of("orderclock.sim.enabled", "false"));

        new SimulatedAlipayKeys().postProcessEnvironment(configured, null);
        new SimulatedAlipayKeys().postProcessEnvironment(off, null);

        assertThat(configured.getProperty("orderclock.channels.alipay.app-id")).isEqualTo("2021000000000042");
        assertThat(configured.getProperty("orderclock.channels.alipay.alipay-public-key"))
                .isEqualTo(platformPublic);
        assertThat(off.getPropertySources().contains(SimulatedAlipayKeys.SOURCE))
                .isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
