package dev.orderclock.simulator;

import dev.orderclock.channels.keys.RsaKeys;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated channel's console, run before anything reads the configuration: it generates the key
 * pairs not configured under {@code orderclock.sim.<channel>.*} (the channel's own pair, and a merchant
 * pair for the shop), then lets the channel add what else it makes and the shop's configuration, in a
 * property source of its own that comes last (configured simulator keys win). It does nothing while
 * the simulator is off or any real channel property is set ({@link RealChannelProperties}).
 */
public abstract class SimulatedChannelKeys implements EnvironmentPostProcessor, Ordered {

    /** {@code orderclock.sim.<channel>.}: where the simulated channel's own settings are. */
    protected final String sim;

    private final String source;

    /** @param channel the channel's name in the property names: {@code alipay}, {@code wechat} */
    protected SimulatedChannelKeys(String channel) {
        this.sim = "orderclock.sim." + channel + ".";
        this.source = RealChannelProperties.SIMULATED_SOURCE_PREFIX + channel;
    }

    @Override
    public final void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Only a shop with no real channel at all is configured for the simulator (SimulatorGate
        // stops start-up before this when there is one): never one channel real, the other simulated.
        if (!RealChannelProperties.simulatorOn(environment)
                || !RealChannelProperties.setIn(environment).isEmpty()) {
            return;
        }
        Map<String, Object> generated = new LinkedHashMap<>();
        boolean makePlatform =
                isBlank(environment, sim + "platform-private-key") && isBlank(environment, sim + "platform-public-key");
        boolean makeMerchant = isBlank(environment, sim + "merchant-public-key");
        // An RSA key pair takes up to a second to make: the two are made side by side.
        CompletableFuture<KeyPair> platform = makePlatform ? CompletableFuture.supplyAsync(RsaKeys::generate) : null;
        KeyPair merchant = makeMerchant ? RsaKeys.generate() : null;
        if (platform != null) {
            KeyPair pair = platform.join();
            generated.put(sim + "platform-private-key", RsaKeys.encode(pair.getPrivate()));
            generated.put(sim + "platform-public-key", RsaKeys.encode(pair.getPublic()));
        }
        if (merchant != null) {
            generated.put(sim + "merchant-public-key", RsaKeys.encode(merchant.getPublic()));
            generated.put(sim + "merchant-private-key", RsaKeys.encode(merchant.getPrivate()));
        }
        configure(environment, generated);
        environment.getPropertySources().addLast(new MapPropertySource(source, generated));
    }

    /**
     * Adds to {@code generated}, after the key pairs, what else the channel makes when it is not
     * configured, and the shop's {@code orderclock.channels.<channel>.*} pointing at the simulator.
     */
    protected abstract void configure(ConfigurableEnvironment environment, Map<String, Object> generated);

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml and the command line are in place
    }

    protected static boolean isBlank(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank();
    }
}
