package dev.orderclock.channels.alipay;

import dev.orderclock.channels.keys.RsaKeys;

import java.security.KeyPair;

/** Key pairs for tests, made once per JVM (RSA generation takes a while): the shop's and "Alipay's". */
public final class TestKeys {

    public static final KeyPair MERCHANT = RsaKeys.generate();
    public static final KeyPair PLATFORM = RsaKeys.generate();
    public static final String APP_ID = "2021000000000042";

    private TestKeys() {}

    /** The shop's view: its private key, Alipay's public key. */
    public static AlipayAccount account() {
        return new AlipayAccount(APP_ID, MERCHANT.getPrivate(), PLATFORM.getPublic());
    }

    public static String merchantPrivate() {
        return RsaKeys.encode(MERCHANT.getPrivate());
    }

    public static String merchantPublic() {
        return RsaKeys.encode(MERCHANT.getPublic());
    }

    public static String platformPrivate() {
        return RsaKeys.encode(PLATFORM.getPrivate());
    }

    public static String platformPublic() {
        return RsaKeys.encode(PLATFORM.getPublic());
    }
}
