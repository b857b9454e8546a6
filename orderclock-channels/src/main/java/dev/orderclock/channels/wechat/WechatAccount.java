package dev.orderclock.channels.wechat;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A shop's WeChat Pay merchant: its {@code mchid} and {@code appid}, the merchant key that signs
 * requests and the serial number of its certificate, the APIv3 key that decrypts notifications, and
 * WeChat Pay's public key with its id, which verifies answers and notifications. Its text form
 * hides the keys.
 */
public record WechatAccount(
        String mchid,
        String appid,
        String merchantSerial,
        PrivateKey merchantKey,
        ApiV3Cipher apiV3Cipher,
        PublicKey platformKey,
        String platformKeyId) {

    public WechatAccount {
        if (blank(mchid)
                || blank(appid)
                || blank(merchantSerial)
                || merchantKey == null
                || apiV3Cipher == null
                || platformKey == null
                || blank(platformKeyId)) {
            throw new IllegalArgumentException("a WeChat Pay account needs mchid, appid, merchant serial, both keys, "
                    + "the APIv3 key and the public key id");
        }
    }

    @Override
    public String toString() {
        return "WechatAccount[mchid=" + mchid + ", appid=" + appid + ", merchantSerial=" + merchantSerial
                + ", platformKeyId=" + platformKeyId + ", keys hidden]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
