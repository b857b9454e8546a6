package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.simulator.RealChannelProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated WeChat Pay merchant platform, run before anything reads the configuration: it makes
 * what is not configured — WeChat Pay's key pair and public key id, a merchant key pair and
 * certificate serial, an APIv3 key — and hands the shop its configuration
 * ({@code orderclock.channels.wechat.*} pointing at the simulator) exactly as a shop would write it.
 * It does nothing while the simulator is off or any real channel property is set
 * ({@link RealChannelProperties}). Configured simulator keys win: these come last.
 */
public class SimulatedWechatKeys implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = RealChannelProperties.SIMULATED_SOURCE_PREFIX + "wechat";
    static final String PREFIX_PATH = "/sim/wechat";
    static final String LOCAL_BASE_URL = "http://localhost:${local.server.port}" + PREFIX_PATH;

    private static final String SIM = "orderclock.sim.wechat.";
    private static final String SHOP = "orderclock.channels.wechat.";
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Only a shop with no real channel at all is configured for the simulator (SimulatorGate
        // stops start-up before this when there is one): never one channel real, the other simulated.
        if (!RealChannelProperties.simulatorOn(environment)
                || !RealChannelProperties.setIn(environment).isEmpty()) {
            return;
        }
        Map<String, Object> generated = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
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
        if (isBlank(environment, SIM + "merchant-serial")) {
            generated.put(SIM + "merchant-serial", text(random, HEX, 40));
        }
        if (isBlank(environment, SIM + "api-v3-key")) {
            generated.put(SIM + "api-v3-key", text(random, ALPHANUMERIC, 32));
        }
        generated.put(SHOP + "base-url", LOCAL_BASE_URL);
        generated.put(SHOP + "mchid", environment.getProperty(SIM + "mchid", WechatSimProperties.DEFAULT_MCHID));
        generated.put(SHOP + "appid", environment.getProperty(SIM + "appid", WechatSimProperties.DEFAULT_APPID));
        generated.put(SHOP + "merchant-serial", "${" + SIM + "merchant-serial}");
        generated.put(SHOP + "private-key", "${" + SIM + "merchant-private-key:}");
        generated.put(SHOP + "api-v3-key", "${" + SIM + "api-v3-key}");
        generated.put(SHOP + "public-key", "${" + SIM + "platform-public-key}");
        generated.put(
                SHOP + "public-key-id",
                environment.getProperty(SIM + "public-key-id", WechatSimProperties.DEFAULT_PUBLIC_KEY_ID));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, generated));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml and the command line are in place
    }

    private static String text(SecureRandom random, char[] alphabet, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(text);
    }

    private static boolean isBlank(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank();
    }
}
