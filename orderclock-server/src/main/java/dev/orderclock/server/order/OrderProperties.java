package dev.orderclock.server.order;

import dev.orderclock.order.OrderBounds;
import dev.orderclock.settings.InvalidSettingException;

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
        OrderBounds.payTimeoutSetting("orderclock.pay-timeout", payTimeout, DEFAULT_PAY_TIMEOUT.toMinutes() + "m");
        if (!currency.matches("[A-Z]{3}")) {
            throw InvalidSettingException.of(
                    "orderclock.currency",
                    "orderclock.currency must be an ISO 4217 code " + "(three capital letters): it is " + currency
                            + ".",
                    "Set orderclock.currency=" + DEFAULT_CURRENCY + ", the currency both payment channels charge in.");
        }
    }
}
