package dev.orderclock.channels.wechat;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** WeChat Pay counts money in fen, whole numbers; orderclock in yuan with two decimals. */
public final class WechatAmount {

    private WechatAmount() {}

    /** @throws IllegalArgumentException when the amount has fractions of a fen */
    public static long fen(BigDecimal yuan) {
        try {
            return yuan.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not an amount in fen: " + yuan);
        }
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
