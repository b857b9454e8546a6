package dev.orderclock.simulator.alipay;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.simulator.RealChannelProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulated Alipay's console, run before anything reads the configuration: it generates the key
 * pairs not configured (Alipay's own, and a merchant pair for the shop) and hands the shop its
 * configuration — {@code orderclock.channels.alipay.*} pointing at the simulator, with the merchant's
 * PID ({@code seller-id}) its notifications carry — exactly as a shop would write it. It does nothing
 * while the simulator is off or any real channel property is set ({@link RealChannelProperties}).
 * Configured simulator keys win: these come last.
 */
public class SimulatedAlipayKeys implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = RealChannelProperties.SIMULATED_SOURCE_PREFIX + "alipay";
    static final String GATEWAY_PATH = "/sim/alipay/gateway.do";
    static final String LOCAL_GATEWAY = "http://localhost:${local.server.port}" + GATEWAY_PATH;

    private static final String SIM = "orderclock.sim.alipay.";
    private static final String SHOP = "orderclock.channels.alipay.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Only a shop with no real channel at all is configured for the simulator (SimulatorGate
        // stops start-up before this when there is one): never one channel real, the other simulated.
        if (!RealChannelProperties.simulatorOn(environment)
                || !RealChannelProperties.setIn(environment).isEmpty()) {
            return;
        }
        Map<String, Object> generated = new LinkedHashMap<>();
        String appId = environment.getProperty(SIM + "app-id", AlipaySimProperties.DEFAULT_APP_ID);
        boolean makePlatform =
                isBlank(environment, SIM + "platform-private-key") && isBlank(environment, SIM + "platform-public-key");
        boolean makeMerchant = isBlank(environment, SIM + "merchant-public-key");
        // An RSA key pair takes up to a second to make: the two are made side by side.
        CompletableFuture<KeyPair> platform = makePlatform ? CompletableFuture.supplyAsync(RsaKeys::generate) : null;
        KeyPair merchant = makeMerchant ? RsaKeys.generate() : null;
        if (platform != null) {
            KeyPair pair = platform.join();
            generated.put(SIM + "platform-private-key", RsaKeys.encode(pair.getPrivate()));
            generated.put(SIM + "platform-public-key", RsaKeys.encode(pair.getPublic()));
        }
        if (merchant != null) {
            generated.put(SIM + "merchant-public-key", RsaKeys.encode(merchant.getPublic()));
            generated.put(SIM + "merchant-private-key", RsaKeys.encode(merchant.getPrivate()));
        }
        if (isBlank(environment, SIM + "seller-id")) {
            generated.put(
                    SIM + "seller-id",
                    "2088" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        }
        generated.put(SHOP + "seller-id", "${" + SIM + "seller-id}");
        generated.put(SHOP + "gateway-url", LOCAL_GATEWAY);
        generated.put(SHOP + "app-id", appId);
        generated.put(SHOP + "private-key", "${" + SIM + "merchant-private-key:}");
        generated.put(SHOP + "alipay-public-key", "${" + SIM + "platform-public-key}");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, generated));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml and the command line are in place
    }

    private static boolean isBlank(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank();
    }
}
