package dev.orderclock.channels.alipay;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A shop's Alipay application: its app id, the merchant private key that signs requests, and
 * Alipay's public key that verifies answers and notifications; and the merchant's PID
 * ({@code seller_id}, "2088..."), which notifications must carry when set. Its text form hides the keys.
 */
public record AlipayAccount(String appId, PrivateKey merchantKey, PublicKey alipayKey, String sellerId) {

    /** An account whose notifications are not checked for the seller. */
    public AlipayAccount(String appId, PrivateKey merchantKey, PublicKey alipayKey) {
        this(appId, merchantKey, alipayKey, null);
    }

    public AlipayAccount {
        if (appId == null || appId.isBlank() || merchantKey == null || alipayKey == null) {
            throw new IllegalArgumentException("an Alipay account needs an app id and both keys");
        }
        sellerId = sellerId == null || sellerId.isBlank() ? null : sellerId;
    }

    @Override
    public String toString() {
        return "AlipayAccount[appId=" + appId + ", sellerId=" + sellerId + ", keys hidden]";
    }
}
