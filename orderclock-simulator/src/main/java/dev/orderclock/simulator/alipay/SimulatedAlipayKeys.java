package dev.orderclock.simulator.alipay;

import dev.orderclock.simulator.RealChannelProperties;
import dev.orderclock.simulator.SimulatedChannelKeys;

import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulated Alipay's console, run before anything reads the configuration: it generates the key
 * pairs not configured (Alipay's own, and a merchant pair for the shop) and hands the shop its
 * configuration — {@code orderclock.channels.alipay.*} pointing at the simulator, with the merchant's
 * PID ({@code seller-id}) its notifications carry — exactly as a shop would write it. It does nothing
 * while the simulator is off or any real channel property is set ({@link RealChannelProperties}).
 * Configured simulator keys win: these come last.
 */
public class SimulatedAlipayKeys extends SimulatedChannelKeys {

    static final String SOURCE = RealChannelProperties.SIMULATED_SOURCE_PREFIX + AlipayNotifications.NAME;
    static final String GATEWAY_PATH = "/sim/alipay/gateway.do";
    static final String LOCAL_GATEWAY = "http://localhost:${local.server.port}" + GATEWAY_PATH;

    private static final String SHOP = "orderclock.channels.alipay.";

    public SimulatedAlipayKeys() {
        super(AlipayNotifications.NAME);
    }

    @Override
    protected void configure(ConfigurableEnvironment environment, Map<String, Object> generated) {
        if (isBlank(environment, sim + "seller-id")) {
            generated.put(
                    sim + "seller-id",
                    "2088" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        }
        generated.put(SHOP + "seller-id", "${" + sim + "seller-id}");
        generated.put(SHOP + "gateway-url", LOCAL_GATEWAY);
        generated.put(SHOP + "app-id", environment.getProperty(sim + "app-id", AlipaySimProperties.DEFAULT_APP_ID));
        generated.put(SHOP + "private-key", "${" + sim + "merchant-private-key:}");
        generated.put(SHOP + "alipay-public-key", "${" + sim + "platform-public-key}");
    }
}
