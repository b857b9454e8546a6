package dev.orderclock.simulator;

import dev.orderclock.simulator.alipay.SimulatedAlipayKeys;
import dev.orderclock.simulator.wechat.SimulatedWechatKeys;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The start-up rule: the simulator runs only when no real channel is configured at all. */
class SimulatorGateTest {

    @Test
    void aRealAlipayBesideTheDefaultSimulatorStopsStartUpNamingItsProperties() {
        StandardEnvironment environment = environment(Map.of(
                "orderclock.channels.alipay.gateway-url", "https://openapi.alipay.com/gateway.do",
                "orderclock.channels.alipay.app-id", "2021000000000042"));

        ChannelSetupException refused = catchThrowableOfType(
                ChannelSetupException.class, () -> new SimulatorGate().postProcessEnvironment(environment, null));

        assertThat(refused.properties())
                .containsExactly("orderclock.channels.alipay.gateway-url", "orderclock.channels.alipay.app-id");
        assertThat(refused).hasMessageContaining("orderclock.sim.enabled=false");
    }

    @Test
    void aRealWechatPropertyFromTheOperatingSystemEnvironmentCountsToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "-test",
                        Map.of(
                                "ORDERCLOCK_CHANNELS_WECHAT_MCHID",
                                "1900000109",
                                "ORDERCLOCK_CHANNELS_WECHAT_APPID",
                                " ")));

        // An empty value counts: it would hide the simulator's own value.
        assertThat(RealChannelProperties.setIn(environment))
                .containsExactly("orderclock.channels.wechat.mchid", "orderclock.channels.wechat.appid");
    }

    @Test
    void anOffSimulatorLetsRealChannelsThrough() {
        StandardEnvironment environment = environment(Map.of(
                "orderclock.sim.enabled",
                "false",
                "orderclock.channels.wechat.base-url",
                "https://api.mch.weixin.qq.com"));

        assertThatCode(() -> new SimulatorGate().postProcessEnvironment(environment, null))
                .doesNotThrowAnyException();
    }

    @Test
    void anOffSimulatorWithNoRealChannelStopsStartUp() {
        StandardEnvironment environment = environment(Map.of("orderclock.sim.enabled", "false"));

        ChannelSetupException refused = catchThrowableOfType(
                ChannelSetupException.class, () -> new SimulatorGate().postProcessEnvironment(environment, null));

        assertThat(refused.properties()).isEmpty();
        assertThat(refused.description()).contains("No payment channel");
        assertThat(refused.action())
                .contains("orderclock.channels.alipay.gateway-url", "orderclock.channels.wechat.base-url");
    }

    @Test
    void whatTheSimulatorConfiguresForTheShopIsNotARealChannel() {
        StandardEnvironment environment = environment(Map.of("local.server.port", "8080"));
        new SimulatedAlipayKeys().postProcessEnvironment(environment, null);
        new SimulatedWechatKeys().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("orderclock.channels.alipay.gateway-url"))
                .isEqualTo("http://localhost:8080/sim/alipay/gateway.do");
        assertThat(environment.getProperty("orderclock.channels.wechat.base-url"))
                .isEqualTo("http://localhost:8080/sim/wechat");
        assertThat(RealChannelProperties.setIn(environment)).isEmpty();
        assertThatCode(() -> RealChannelProperties.requireEitherSimulatorOrRealChannels(environment))
                .doesNotThrowAnyException();
    }

    @Test
    void theSimulatorNeverFillsInOneChannelWhileTheOtherIsReal() {
        StandardEnvironment environment = environment(Map.of(
                "orderclock.sim.enabled",
                "false",
                "orderclock.channels.alipay.gateway-url",
                "https://openapi.alipay.com/gateway.do"));
        StandardEnvironment simulatorOn =
                environment(Map.of("orderclock.channels.alipay.gateway-url", "https://openapi.alipay.com/gateway.do"));

        new SimulatedWechatKeys().postProcessEnvironment(environment, null);
        new SimulatedWechatKeys().postProcessEnvironment(simulatorOn, null);

        assertThat(environment.containsProperty("orderclock.channels.wechat.base-url"))
                .isFalse();
        assertThat(simulatorOn.containsProperty("orderclock.channels.wechat.base-url"))
                .isFalse();
    }

    @Test
    void theFailureReportNamesThePropertiesAndBothWaysOut() {
        ChannelSetupException failure = ChannelSetupException.simulatorBesideRealChannel(
                List.of("orderclock.channels.wechat.base-url", "orderclock.channels.wechat.mchid"));

        assertThat(failure.description())
                .contains("orderclock.channels.wechat.base-url", "orderclock.channels.wechat.mchid", "without money");
        assertThat(failure.action()).contains("orderclock.sim.enabled=false", "remove the properties above");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
