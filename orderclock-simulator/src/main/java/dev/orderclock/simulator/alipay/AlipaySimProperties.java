package dev.orderclock.simulator.alipay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orderclock.sim.alipay.*}: the simulated Alipay's app id and keys. Unset keys are generated at
 * start-up by {@link SimulatedAlipayKeys}; set {@code merchant-public-key} to the shop's own key (as a
 * shop uploads it to Alipay's console) and {@code platform-*} to keep Alipay's pair across restarts.
 * {@code seller-id} is the shop's PID at the simulated Alipay ("2088" and 12 digits), generated when unset.
 * Its text form hides the keys.
 */
@ConfigurationProperties("orderclock.sim.alipay")
public record AlipaySimProperties(
        String appId,
        String platformPrivateKey,
        String platformPublicKey,
        String merchantPublicKey,
        String merchantPrivateKey,
        String sellerId) {

    /** Shaped like an Alipay sandbox app id. */
    public static final String DEFAULT_APP_ID = "9021000000000001";

    public AlipaySimProperties {
        appId = appId != null && !appId.isBlank() ? appId : DEFAULT_APP_ID;
    }

    @Override
    public String toString() {
        return "AlipaySimProperties[appId=" + appId + ", sellerId=" + sellerId + ", keys hidden]";
    }
}
