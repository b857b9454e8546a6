package dev.orderclock.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trade as the simulated channel keeps it: the shop's trade number and the channel's own, what the
 * shop opened it with, and what happened since. Immutable; the {@link TradeLedger} swaps versions.
 *
 * @param merchantId the shop's id at the channel (Alipay's app id)
 * @param orderId    the shop's order, as the shop described the trade (null if it did not say)
 * @param scanned    whether the buyer has opened the trade (Alipay creates a precreated trade only then)
 */
public record SimTrade(
        String tradeNo,
        String channel,
        String merchantId,
        String orderId,
        BigDecimal amount,
        String subject,
        String channelTradeNo,
        String notifyUrl,
        Instant createdAt,
        Instant expiresAt,
        TradeStatus status,
        boolean scanned,
        Instant paidAt,
        Instant closedAt,
        List<SimRefund> refunds) {

    public SimTrade {
        refunds = List.copyOf(refunds);
    }

    /** A new trade, waiting for the buyer. */
    public static SimTrade opened(
            String tradeNo,
            String channel,
            String merchantId,
            String orderId,
            BigDecimal amount,
            String subject,
            String channelTradeNo,
            String notifyUrl,
            Instant createdAt,
            Instant expiresAt) {
        return new SimTrade(
                tradeNo,
                channel,
                merchantId,
                orderId,
                amount,
                subject,
                channelTradeNo,
                notifyUrl,
                createdAt,
                expiresAt,
                TradeStatus.WAITING,
                false,
                null,
                null,
                List.of());
    }

    /** This trade as it stands at {@code now}: a waiting trade past its expiry is closed (at its expiry). */
    public SimTrade at(Instant now) {
        return status == TradeStatus.WAITING && !now.isBefore(expiresAt) ? closed(expiresAt) : this;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public SimTrade scannedByBuyer() {
        return after(status, true, paidAt, closedAt, refunds);
    }

    public SimTrade paid(Instant at) {
        return after(TradeStatus.PAID, true, at, closedAt, refunds);
    }

    public SimTrade closed(Instant at) {
        return after(TradeStatus.CLOSED, scanned, paidAt, at, refunds);
    }

    public SimTrade withRefund(SimRefund refund) {
        List<SimRefund> all = new ArrayList<>(refunds);
        all.add(refund);
        return after(status, scanned, paidAt, closedAt, all);
    }

    public Optional<SimRefund> refund(String requestNo) {
        return refunds.stream()
                .filter(refund -> refund.requestNo().equals(requestNo))
                .findFirst();
    }

    public BigDecimal refunded() {
        return refunds.stream().map(SimRefund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isFullyRefunded() {
        return !refunds.isEmpty() && refunded().compareTo(amount) >= 0;
    }

    /** This trade as what happened since makes it: what the shop opened it with stays as it was. */
    private SimTrade after(
            TradeStatus status, boolean scanned, Instant paidAt, Instant closedAt, List<SimRefund> refunds) {
        return new SimTrade(
                tradeNo,
                channel,
                merchantId,
                orderId,
                amount,
                subject,
                channelTradeNo,
                notifyUrl,
                createdAt,
                expiresAt,
                status,
                scanned,
                paidAt,
                closedAt,
                refunds);
    }
}
