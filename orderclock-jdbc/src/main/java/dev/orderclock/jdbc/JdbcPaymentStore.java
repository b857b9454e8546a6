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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    public JdbcPaymentStore(JdbcStorage storage) {
        this.storage = storage;
        this.transactions = storage.transactions();
    }

    @Override
    public OpenResult open(long orderId, String channel, Instant now, int maxAttempts) {
        return transactions.run("open payment attempt", connection -> {
            Order order = storage.find(connection, orderId).orElse(null);
            if (order == null) {
                return new OpenResult.NotFound(orderId);
            }
            long attempts = AttemptStatements.count(connection, orderId);
            String tradeNo = PaymentAttempt.tradeNo(order.displayId(), attempts + 1);
            if (AttemptStatements.update(connection, PaymentSql.CLAIM_ORDER, tradeNo, orderId, now) == 0) {
                OpenResult refused = refusal(connection, orderId);
                // Switching channel at the limit would close the open attempt for nothing: refused before.
                if (refused instanceof OpenResult.AlreadyOpen open
                        && !open.attempt().channel().equals(channel)
                        && attempts >= maxAttempts) {
                    return new OpenResult.LimitReached(order, maxAttempts);
                }
                return refused;
            }
            // Counted again under the order row's lock, which every opening takes: racing calls never pass the limit.
            if (AttemptStatements.count(connection, orderId) >= maxAttempts) {
                AttemptStatements.expectOne(
                        AttemptStatements.update(connection, PaymentSql.RELEASE_ORDER, orderId, tradeNo),
                        "release of the claim just made");
                return new OpenResult.LimitReached(order, maxAttempts);
            }
            try (PreparedStatement insert = connection.prepareStatement(PaymentSql.INSERT)) {
                insert.setString(1, tradeNo);
                insert.setLong(2, orderId);
                insert.setString(3, channel);
                insert.setBigDecimal(4, order.amount());
                Timestamps.set(insert, 5, now);
                // Never later than the order's deadline: after it, nobody may pay.
                Timestamps.set(insert, 6, order.payDeadline());
                Batches.expectOneRowEach(new int[] {insert.executeUpdate()}, "attempt insert");
            }
            return new OpenResult.Opened(
                    AttemptStatements.find(connection, tradeNo, false).orElseThrow());
        });
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
        return transactions.run("record payment", connection -> {
            PaymentAttempt attempt =
                    AttemptStatements.find(connection, tradeNo, true).orElse(null);
            if (attempt == null) {
                return new Recorded.UnknownTrade(tradeNo);
            }
            if (attempt.status() == PaymentAttempt.Status.MISMATCHED) {
                return new Recorded.AlreadyRecorded(attempt); // ended as not this order's trade: never pays it
            }
            if (amount == null || attempt.amount().compareTo(amount) != 0) {
                return new Recorded.AmountMismatch(attempt);
            }
            if (attempt.status() == PaymentAttempt.Status.PAID) {
                return new Recorded.AlreadyRecorded(attempt);
            }
            // Locked above and neither paid nor mismatched: exactly this row changes.
            AttemptStatements.expectOne(
                    AttemptStatements.update(connection, PaymentSql.MARK_PAID, channelTradeNo, paidAt, tradeNo),
                    "payment of " + tradeNo);
            AttemptStatements.releaseOrder(connection, attempt);
            List<Order> paid = storage.transitions()
                    .apply(connection, OrderTransition.PAY, new long[] {attempt.orderId()}, false, now);
            if (!paid.isEmpty()) {
                return new Recorded.Paid(paid.get(0));
            }
            // Closed, or paid through another attempt: the money goes back under a number fixed here.
            AttemptStatements.expectOne(
                    AttemptStatements.update(
                            connection,
                            PaymentSql.REFUND_DUE,
                            PaymentAttempt.refundRequestNo(tradeNo),
                            attempt.amount(),
                            tradeNo),
                    "refund of " + tradeNo);
            return new Recorded.RefundDue(
                    AttemptStatements.find(connection, tradeNo, false).orElseThrow());
        });
    }

    @Override
    public Optional<PaymentAttempt> markMismatched(String tradeNo, TradeState.Paid money, Instant now) {
        return transactions.run("mark attempt mismatched", connection -> {
            PaymentAttempt attempt =
                    AttemptStatements.find(connection, tradeNo, true).orElse(null);
            if (attempt == null
                    || AttemptStatements.update(connection, PaymentSql.MARK_MISMATCHED, now, now, tradeNo) == 0) {
                return Optional.<PaymentAttempt>empty();
            }
            AttemptStatements.releaseOrder(connection, attempt);
            if (money != null) {
                AttemptStatements.expectOne(
                        AttemptStatements.update(
                                connection,
                                PaymentSql.MISMATCH_MONEY,
                                money.channelTradeNo(),
                                money.paidAt() != null ? money.paidAt() : now,
                                tradeNo),
                        "mismatched money of " + tradeNo);
                // Exactly what the channel took, which is not the attempt's amount. Only a paid or mismatched
                // attempt ever owes a refund, and this one was neither until now.
                AttemptStatements.expectOne(
                        AttemptStatements.update(
                                connection,
                                PaymentSql.REFUND_DUE,
                                PaymentAttempt.refundRequestNo(tradeNo),
                                money.amount(),
                                tradeNo),
                        "refund of " + tradeNo);
            }
            return AttemptStatements.find(connection, tradeNo, false);
        });
    }

    @Override
    public TransitionResult closeForTimeout(String tradeNo, Instant now) {
        return closeAttemptAndOrder(OrderTransition.CLOSE_FOR_TIMEOUT, tradeNo, now);
    }

    @Override
    public TransitionResult cancel(String tradeNo, Instant now) {
        return closeAttemptAndOrder(OrderTransition.CANCEL, tradeNo, now);
    }

    @Override
    public Optional<PaymentAttempt> closeAttempt(String tradeNo, Instant now) {
        return transactions.run("close attempt", connection -> {
            PaymentAttempt attempt =
                    AttemptStatements.find(connection, tradeNo, true).orElse(null);
            if (attempt == null) {
                return Optional.<PaymentAttempt>empty();
            }
            if (AttemptStatements.update(connection, PaymentSql.MARK_CLOSED, now, tradeNo) == 1) {
                AttemptStatements.releaseOrder(connection, attempt);
            }
            return AttemptStatements.find(connection, tradeNo, false);
        });
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
            Order order = storage.find(connection, attempt.orderId()).orElseThrow();
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

    private TransitionResult closeAttemptAndOrder(OrderTransition transition, String tradeNo, Instant now) {
        return transactions.run(transition + " through attempt", connection -> {
            PaymentAttempt attempt =
                    AttemptStatements.find(connection, tradeNo, true).orElse(null);
            if (attempt == null) {
                // Callers pass a trade they have just read: no such trade is their bug, not an order's outcome.
                throw new IllegalArgumentException("no payment attempt " + tradeNo);
            }
            // 0 rows: the attempt was closed already (a retry of this call); the order is still decided below.
            if (AttemptStatements.update(connection, PaymentSql.MARK_CLOSED, now, tradeNo) == 1) {
                AttemptStatements.releaseOrder(connection, attempt);
            }
            boolean onlyDue = transition.deadline() != OrderTransition.DeadlineColumn.NONE;
            List<Order> changed =
                    storage.transitions().apply(connection, transition, new long[] {attempt.orderId()}, onlyDue, now);
            if (!changed.isEmpty()) {
                return new TransitionResult.Applied(changed.get(0));
            }
            return storage.find(connection, attempt.orderId())
                    .<TransitionResult>map(TransitionResult.WrongStatus::new)
                    .orElseGet(() -> new TransitionResult.NotFound(attempt.orderId()));
        });
    }

    private OpenResult refusal(Connection connection, long orderId) throws SQLException {
        String open;
        try (PreparedStatement select = connection.prepareStatement(PaymentSql.OPEN_TRADE_OF_ORDER)) {
            select.setLong(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                open = row.next() ? row.getString(1) : null;
            }
        }
        if (open != null) {
            Optional<PaymentAttempt> attempt = AttemptStatements.find(connection, open, false);
            if (attempt.isPresent()) {
                return new OpenResult.AlreadyOpen(attempt.get());
            }
        }
        return storage.find(connection, orderId)
                .<OpenResult>map(OpenResult.Refused::new)
                .orElseGet(() -> new OpenResult.NotFound(orderId));
    }
}
