package dev.orderclock.jdbc;

import dev.orderclock.order.EventIds;
import dev.orderclock.order.EventType;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderEvent;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.TransitionResult;
import dev.orderclock.payment.ChannelTally;
import dev.orderclock.payment.OpenResult;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.PaymentStore;
import dev.orderclock.payment.Recorded;
import dev.orderclock.payment.TradeState;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link PaymentStore} over JDBC, over the {@link JdbcStorage} a {@link JdbcOrderStore} shares: a
 * payment, a close or a cancel through an attempt changes the order with the very same conditional
 * update, stock effect and outbox event. Each call is one transaction; an attempt's row is locked
 * before its order's.
 */
public final class JdbcPaymentStore implements PaymentStore {

    private final JdbcStorage storage;
    private final Transactions transactions;
    private final AttemptOpening opening;
    private final AttemptSettlement settlement;

    public JdbcPaymentStore(JdbcStorage storage) {
        this.storage = storage;
        this.transactions = storage.transactions();
        this.opening = new AttemptOpening(storage.rows());
        this.settlement = new AttemptSettlement(storage.transitions());
    }

    @Override
    public OpenResult open(long orderId, String channel, Instant now, int maxAttempts) {
        return transactions.run(
                "open payment attempt", connection -> opening.open(connection, orderId, channel, now, maxAttempts));
    }

    @Override
    public void openedAtChannel(String tradeNo, String payUrl, Instant expiresAt) {
        // Never later than the deadline the attempt was opened with: a channel may only shorten it.
        transactions.run(
                "record the pay URL",
                connection -> AttemptStatements.expectOne(
                        AttemptStatements.update(connection, PaymentSql.OPENED_AT_CHANNEL, payUrl, expiresAt, tradeNo),
                        "pay URL of " + tradeNo));
    }

    @Override
    public Optional<PaymentAttempt> find(String tradeNo) {
        return transactions.run("find attempt", connection -> AttemptStatements.find(connection, tradeNo, false));
    }

    @Override
    public Optional<PaymentAttempt> openAttemptOf(long orderId) {
        return transactions.run(
                "find open attempt",
                connection -> AttemptStatements.select(connection, PaymentSql.OPEN_OF_ORDER, orderId).stream()
                        .findFirst());
    }

    @Override
    public List<PaymentAttempt> attemptsOf(long orderId) {
        return transactions.run(
                "list attempts", connection -> AttemptStatements.select(connection, PaymentSql.OF_ORDER, orderId));
    }

    @Override
    public List<PaymentAttempt> refundedAttemptsOf(long[] orderIds) {
        if (orderIds.length == 0) {
            return List.of();
        }
        return transactions.run("list refunds", connection -> {
            try (PreparedStatement select = connection.prepareStatement(PaymentSql.REFUNDED_OF_ORDERS)) {
                select.setArray(1, storage.dialect().bigints(connection, orderIds));
                try (ResultSet rows = select.executeQuery()) {
                    return PaymentRows.all(rows);
                }
            }
        });
    }

    @Override
    public Recorded recordPayment(
            String tradeNo, BigDecimal amount, String channelTradeNo, Instant paidAt, Instant now) {
        return transactions.run(
                "record payment",
                connection -> settlement.recordPayment(connection, tradeNo, amount, channelTradeNo, paidAt, now));
    }

    @Override
    public Optional<PaymentAttempt> markMismatched(String tradeNo, TradeState.Paid money, Instant now) {
        return transactions.run(
                "mark attempt mismatched", connection -> settlement.markMismatched(connection, tradeNo, money, now));
    }

    @Override
    public TransitionResult closeForTimeout(String tradeNo, Instant now) {
        return closeAttemptAndOrder(OrderTransition.CLOSE_FOR_TIMEOUT, tradeNo, now);
    }

    @Override
    public TransitionResult cancel(String tradeNo, Instant now) {
        return closeAttemptAndOrder(OrderTransition.CANCEL, tradeNo, now);
    }

    private TransitionResult closeAttemptAndOrder(OrderTransition transition, String tradeNo, Instant now) {
        return transactions.run(
                transition + " through attempt",
                connection -> settlement.closeWithOrder(connection, transition, tradeNo, now));
    }

    @Override
    public Optional<PaymentAttempt> closeAttempt(String tradeNo, Instant now) {
        return transactions.run("close attempt", connection -> settlement.closeAttempt(connection, tradeNo, now));
    }

    @Override
    public List<ChannelTally> tallyByChannel() {
        return transactions.run("tally payments by channel", connection -> {
            try (PreparedStatement select = connection.prepareStatement(PaymentSql.TALLY_BY_CHANNEL);
                    ResultSet rows = select.executeQuery()) {
                List<ChannelTally> tallies = new ArrayList<>();
                while (rows.next()) {
                    tallies.add(new ChannelTally(
                            rows.getString(1),
                            rows.getLong(2),
                            rows.getLong(3),
                            rows.getLong(4),
                            rows.getLong(5),
                            rows.getLong(6)));
                }
                return tallies;
            }
        });
    }

    @Override
    public List<PaymentAttempt> openSince(Instant openedBy, Instant afterOpenedAt, String afterTradeNo, int limit) {
        return transactions.run(
                "scan open attempts",
                connection -> AttemptStatements.page(
                        connection, PaymentSql.OPEN_SINCE, openedBy, afterOpenedAt, afterTradeNo, limit));
    }

    @Override
    public List<PaymentAttempt> closedUnchecked(
            Instant closedBy, Instant afterClosedAt, String afterTradeNo, int limit) {
        return transactions.run(
                "scan closed attempts",
                connection -> AttemptStatements.page(
                        connection, PaymentSql.CLOSED_UNCHECKED, closedBy, afterClosedAt, afterTradeNo, limit));
    }

    @Override
    public void rechecked(String tradeNo, Instant at) {
        // 0 rows: rechecked already (the first time counts) or no such trade; either way nothing is left to mark.
        transactions.run(
                "mark attempt rechecked",
                connection -> AttemptStatements.update(connection, PaymentSql.MARK_RECHECKED, at, tradeNo));
    }

    @Override
    public List<PaymentAttempt> refundsDue(int limit) {
        return transactions.run("scan refunds due", connection -> {
            try (PreparedStatement select = connection.prepareStatement(PaymentSql.REFUNDS_DUE)) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    return PaymentRows.all(rows);
                }
            }
        });
    }

    @Override
    public Optional<Order> refunded(String tradeNo, Instant at) {
        return transactions.run("record refund", connection -> {
            PaymentAttempt attempt =
                    AttemptStatements.find(connection, tradeNo, true).orElse(null);
            if (attempt == null || AttemptStatements.update(connection, PaymentSql.MARK_REFUNDED, at, tradeNo) == 0) {
                return Optional.<Order>empty();
            }
            Order order = storage.rows().find(connection, attempt.orderId()).orElseThrow();
            Instant occurred = Timestamps.millis(at);
            OrderEvent.Refund refund = new OrderEvent.Refund(
                    PaymentAttempt.RefundStatus.REFUNDED.name(),
                    attempt.refund().amount(),
                    tradeNo);
            storage.outbox()
                    .write(
                            connection,
                            List.of(new OrderEvent(
                                    EventIds.next(occurred),
                                    EventType.ORDER_REFUNDED,
                                    order.id(),
                                    occurred,
                                    order,
                                    refund)));
            return Optional.of(order);
        });
    }
}
