package dev.orderclock.server.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orderclock.limits.max-payment-attempts-per-order}: how many payment attempts (calls to
 * {@code /pay} that open a trade, switching channels included) an order may have in all; the open
 * attempt answered again is none. Each attempt is a call to a real channel's API, under the merchant's
 * quota. The other {@code orderclock.limits.*} are the order side's.
 */
@ConfigurationProperties("orderclock.limits")
public record PaymentLimits(Integer maxPaymentAttemptsPerOrder) {

    public static final int DEFAULT_MAX_PAYMENT_ATTEMPTS_PER_ORDER = 10;

    /** The name a problem document gives the limit. */
    public static final String ATTEMPTS_LIMIT = "max-payment-attempts-per-order";

    public PaymentLimits {
        maxPaymentAttemptsPerOrder = maxPaymentAttemptsPerOrder != null ? maxPaymentAttemptsPerOrder
                : DEFAULT_MAX_PAYMENT_ATTEMPTS_PER_ORDER;
        if (maxPaymentAttemptsPerOrder < 1) {
            throw new IllegalArgumentException("orderclock.limits." + ATTEMPTS_LIMIT + " must be at least 1: "
                    + maxPaymentAttemptsPerOrder);
        }
    }
}
