package dev.orderclock.payment;

import java.math.BigDecimal;

/** A refund of a trade; the refund request number is fixed per payment so that retries are idempotent. */
public record RefundRequest(String tradeNo, String refundRequestNo, BigDecimal amount, String reason) {}
