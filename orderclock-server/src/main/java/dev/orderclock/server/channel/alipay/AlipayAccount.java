package dev.orderclock.server.channel.alipay;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A shop's Alipay application: its app id, the merchant private key that signs requests, and
 * Alipay's public key that verifies answers and notifications. Its text form hides the keys.
 */
public record AlipayAccount(String appId, PrivateKey merchantKey, PublicKey alipayKey) {

    public AlipayAccount {
        if (appId == null || appId.isBlank() || merchantKey == null || alipayKey == null) {
            throw new IllegalArgumentException("an Alipay account needs an app id and both keys");
        }
    }

    @Override
    public String toString() {
        return "AlipayAccount[appId=" + appId + ", keys hidden]";
    }
}
