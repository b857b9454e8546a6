package dev.orderclock.payment;

import java.time.Instant;

/** A trade the channel opened: where the buyer pays (a QR code URL) and when it expires. */
public record OpenedTrade(String tradeNo, String payUrl, Instant expiresAt) {}
