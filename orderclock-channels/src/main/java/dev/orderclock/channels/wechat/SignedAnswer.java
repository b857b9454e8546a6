package dev.orderclock.channels.wechat;

import java.time.Duration;
import java.time.Instant;

/**
 * Checks that an answer (or a notification) comes from WeChat Pay: signed by the key whose id the
 * shop configured ({@code Wechatpay-Serial}), fresh ({@code Wechatpay-Timestamp} within five minutes
 * of now, either way), and its signature over {@code timestamp\nnonce\nbody\n} holds.
 */
final class SignedAnswer {

    /** How far a signed timestamp may be from now; WeChat Pay and its SDK refuse beyond. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** Why an answer is not trusted, or null when it is. */
    enum Flaw {
        UNSIGNED,
        WRONG_SERIAL,
        STALE,
        BAD_SIGNATURE
    }

    private SignedAnswer() {}

    static Flaw check(
            WechatAccount account,
            String serial,
            String timestamp,
            String nonce,
            String signature,
            String body,
            Instant now) {
        if (serial == null || timestamp == null || nonce == null || signature == null) {
            return Flaw.UNSIGNED;
        }
        if (!account.platformKeyId().equals(serial)) {
            return Flaw.WRONG_SERIAL;
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (RuntimeException e) {
            return Flaw.STALE;
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            return Flaw.STALE;
        }
        if (!WechatSignature.verify(
                WechatSignature.responseMessage(timestamp, nonce, body), signature, account.platformKey())) {
            return Flaw.BAD_SIGNATURE;
        }
        return null;
    }
}
