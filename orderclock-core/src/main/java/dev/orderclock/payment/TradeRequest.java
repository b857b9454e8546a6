package dev.orderclock.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** What to open at the channel: our trade number, the amount, and the moment the trade must expire. */
public record TradeRequest(String tradeNo, long orderId, BigDecimal amount, String subject, Instant expiresAt) {}
