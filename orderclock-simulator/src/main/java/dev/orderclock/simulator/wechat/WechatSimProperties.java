package dev.orderclock.simulator.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orderclock.sim.wechat.*}: the simulated WeChat Pay's merchant, app, keys and ids. Unset keys,
 * the merchant serial and the APIv3 key are generated at start-up by {@link SimulatedWechatKeys}; set
 * {@code merchant-public-key} and {@code merchant-serial} to the shop's own (as a shop uploads its
 * certificate), {@code platform-*} and {@code api-v3-key} to keep them across restarts. Its text form
 * hides the keys.
 */
@ConfigurationProperties("orderclock.sim.wechat")
public record WechatSimProperties(
        String mchid,
        String appid,
        String merchantSerial,
        String merchantPublicKey,
        String merchantPrivateKey,
        String platformPrivateKey,
        String platformPublicKey,
        String publicKeyId,
        String apiV3Key) {

    /** Shaped like the merchant id in WeChat Pay's documentation. */
    public static final String DEFAULT_MCHID = "1900000109";

    public static final String DEFAULT_APPID = "wxd678efh567hg6787";
    /** Shaped like a WeChat Pay public key id. */
    public static final String DEFAULT_PUBLIC_KEY_ID = "PUB_KEY_ID_0119000001092026112700000000000001";

    public WechatSimProperties {
        mchid = mchid != null && !mchid.isBlank() ? mchid : DEFAULT_MCHID;
        appid = appid != null && !appid.isBlank() ? appid : DEFAULT_APPID;
        publicKeyId = publicKeyId != null && !publicKeyId.isBlank() ? publicKeyId : DEFAULT_PUBLIC_KEY_ID;
    }

    @Override
    public String toString() {
        return "WechatSimProperties[mchid=" + mchid + ", appid=" + appid + ", merchantSerial=" + merchantSerial
                + ", publicKeyId=" + publicKeyId + ", keys hidden]";
    }
}
