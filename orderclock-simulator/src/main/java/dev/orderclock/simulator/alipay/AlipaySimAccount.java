package dev.orderclock.simulator.alipay;

import dev.orderclock.channels.keys.RsaKeys;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The simulated Alipay's side of a shop's app: the app id, Alipay's private key that signs answers
 * and notifications, and the merchant public key that verifies the shop's requests. It also keeps
 * what its console hands out. Its text form hides the keys.
 *
 * @param merchantPrivateKey the shop's private key when the simulator generated it, else null
 * @param sellerId           the shop's Alipay user id, shown in answers and notifications
 */
record AlipaySimAccount(
        String appId,
        PrivateKey platformKey,
        String platformPublicKey,
        PublicKey merchantKey,
        String merchantPrivateKey,
        String sellerId) {

    static AlipaySimAccount of(AlipaySimProperties settings, String sellerId) {
        if (settings.platformPrivateKey() == null
                || settings.platformPublicKey() == null
                || settings.merchantPublicKey() == null) {
            throw new IllegalStateException(
                    "orderclock.sim.alipay: set both platform keys and the merchant public key, "
                            + "or none of them to have them generated");
        }
        try {
            return new AlipaySimAccount(
                    settings.appId(),
                    RsaKeys.privateKey(settings.platformPrivateKey()),
                    RsaKeys.encode(RsaKeys.publicKey(settings.platformPublicKey())),
                    RsaKeys.publicKey(settings.merchantPublicKey()),
                    settings.merchantPrivateKey(),
                    sellerId);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("orderclock.sim.alipay: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "AlipaySimAccount[appId=" + appId + ", keys hidden]";
    }
}
