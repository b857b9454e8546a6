package dev.orderclock.simulator.wechat;

import dev.orderclock.simulator.RealChannelProperties;
import dev.orderclock.simulator.SimulatedChannelKeys;

import org.springframework.core.env.ConfigurableEnvironment;

import java.security.SecureRandom;
import java.util.Map;

/**
 * The simulated WeChat Pay merchant platform, run before anything reads the configuration: it makes
 * what is not configured — WeChat Pay's key pair and public key id, a merchant key pair and
 * certificate serial, an APIv3 key — and hands the shop its configuration
 * ({@code orderclock.channels.wechat.*} pointing at the simulator) exactly as a shop would write it.
 * It does nothing while the simulator is off or any real channel property is set
 * ({@link RealChannelProperties}). Configured simulator keys win: these come last.
 */
public class SimulatedWechatKeys extends SimulatedChannelKeys {

    static final String SOURCE = RealChannelProperties.SIMULATED_SOURCE_PREFIX + WechatNotifications.NAME;
    static final String PREFIX_PATH = "/sim/wechat";
    static final String LOCAL_BASE_URL = "http://localhost:${local.server.port}" + PREFIX_PATH;

    private static final String SHOP = "orderclock.channels.wechat.";
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public SimulatedWechatKeys() {
        super(WechatNotifications.NAME);
    }

    @Override
    protected void configure(ConfigurableEnvironment environment, Map<String, Object> generated) {
        SecureRandom random = new SecureRandom();
        if (isBlank(environment, sim + "merchant-serial")) {
            generated.put(sim + "merchant-serial", text(random, HEX, 40));
        }
        if (isBlank(environment, sim + "api-v3-key")) {
            generated.put(sim + "api-v3-key", text(random, ALPHANUMERIC, 32));
        }
        generated.put(SHOP + "base-url", LOCAL_BASE_URL);
        generated.put(SHOP + "mchid", environment.getProperty(sim + "mchid", WechatSimProperties.DEFAULT_MCHID));
        generated.put(SHOP + "appid", environment.getProperty(sim + "appid", WechatSimProperties.DEFAULT_APPID));
        generated.put(SHOP + "merchant-serial", "${" + sim + "merchant-serial}");
        generated.put(SHOP + "private-key", "${" + sim + "merchant-private-key:}");
        generated.put(SHOP + "api-v3-key", "${" + sim + "api-v3-key}");
        generated.put(SHOP + "public-key", "${" + sim + "platform-public-key}");
        generated.put(
                SHOP + "public-key-id",
                environment.getProperty(sim + "public-key-id", WechatSimProperties.DEFAULT_PUBLIC_KEY_ID));
    }

    private static String text(SecureRandom random, char[] alphabet, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(text);
    }
}
