package dev.orderclock.server.order;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code orderclock.pay-timeout}: the time to pay when an order names none (30 minutes);
 * {@code orderclock.currency}: the shop's currency (CNY).
 */
@ConfigurationProperties("orderclock")
public record OrderProperties(Duration payTimeout, String currency) {

    public static final Duration DEFAULT_PAY_TIMEOUT = Duration.ofMinutes(30);
    public static final String DEFAULT_CURRENCY = "CNY";

    public OrderProperties {
        payTimeout = payTimeout != null ? payTimeout : DEFAULT_PAY_TIMEOUT;
        currency = currency != null ? currency : DEFAULT_CURRENCY;
        long seconds = payTimeout.getSeconds();
        if (payTimeout.getNano() != 0 || seconds < CreateOrderRequest.MIN_PAY_TIMEOUT_SECONDS
                || seconds > CreateOrderRequest.MAX_PAY_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("orderclock.pay-timeout must be whole seconds from "
                    + CreateOrderRequest.MIN_PAY_TIMEOUT_SECONDS + " to " + CreateOrderRequest.MAX_PAY_TIMEOUT_SECONDS
                    + ": " + payTimeout);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("orderclock.currency must be an ISO 4217 code: " + currency);
        }
    }
}
