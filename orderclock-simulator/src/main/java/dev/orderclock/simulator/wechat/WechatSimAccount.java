package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.channels.wechat.ApiV3Cipher;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The simulated WeChat Pay's side of a shop's merchant: ids, WeChat Pay's private key that signs
 * answers and notifications and its public key id, the merchant's public key and certificate serial
 * that verify the shop's requests, and the APIv3 key that encrypts notifications. It also keeps what
 * its merchant platform hands out. Its text form hides the keys.
 *
 * @param merchantPrivateKey the shop's private key when the simulator generated it, else null
 */
record WechatSimAccount(
        String mchid,
        String appid,
        PrivateKey platformKey,
        String platformPublicKey,
        String publicKeyId,
        PublicKey merchantKey,
        String merchantSerial,
        String merchantPrivateKey,
        String apiV3Key,
        ApiV3Cipher cipher) {

    static WechatSimAccount of(WechatSimProperties settings) {
        if (settings.platformPrivateKey() == null
                || settings.platformPublicKey() == null
                || settings.merchantPublicKey() == null
                || settings.merchantSerial() == null
                || settings.apiV3Key() == null) {
            throw new IllegalStateException("orderclock.sim.wechat: set both platform keys, the merchant public key, "
                    + "the merchant serial and the APIv3 key, or none of them to have them generated");
        }
        try {
            return new WechatSimAccount(
                    settings.mchid(),
                    settings.appid(),
                    RsaKeys.privateKey(settings.platformPrivateKey()),
                    RsaKeys.encode(RsaKeys.publicKey(settings.platformPublicKey())),
                    settings.publicKeyId(),
                    RsaKeys.publicKey(settings.merchantPublicKey()),
                    settings.merchantSerial(),
                    settings.merchantPrivateKey(),
                    settings.apiV3Key(),
                    new ApiV3Cipher(settings.apiV3Key()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("orderclock.sim.wechat: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "WechatSimAccount[mchid=" + mchid + ", appid=" + appid + ", keys hidden]";
    }
}
