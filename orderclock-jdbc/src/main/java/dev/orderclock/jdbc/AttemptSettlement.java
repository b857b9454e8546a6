package dev.orderclock.jdbc;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.TransitionResult;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.Recorded;
import dev.orderclock.payment.TradeState;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a payment attempt ends (paid, mismatched, closed) and what that does to its order, in the
 * caller's transaction and through the order store's own transition path; each locks the attempt's
 * row before the order's, as every change does, so that no two of them deadlock.
 */
final class AttemptSettlement {

    private final TransitionWriter transitions;

    AttemptSettlement(TransitionWriter transitions) {
        this.transitions = transitions;
    }

    Recorded recordPayment(
            Connection connection,
            String tradeNo,
            BigDecimal amount,
            String channelTradeNo,
            Instant paidAt,
            Instant now)
            throws SQLException {
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
        List<Order> paid =
                transitions.apply(connection, OrderTransition.PAY, new long[] {attempt.orderId()}, false, now);
        if (!paid.isEmpty()) {
            return new Recorded.Paid(paid.get(0));
        }
        // Closed, or paid through another attempt: the money goes back under a number fixed here.
        AttemptStatements.refundDue(connection, tradeNo, attempt.amount());
        return new Recorded.RefundDue(
                AttemptStatements.find(connection, tradeNo, false).orElseThrow());
    }

    Optional<PaymentAttempt> markMismatched(Connection connection, String tradeNo, TradeState.Paid money, Instant now)
            throws SQLException {
        PaymentAttempt attempt =
                AttemptStatements.find(connection, tradeNo, true).orElse(null);
        if (attempt == null
                || AttemptStatements.update(connection, PaymentSql.MARK_MISMATCHED, now, now, tradeNo) == 0) {
            return Optional.empty();
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
            AttemptStatements.refundDue(connection, tradeNo, money.amount());
        }
        return AttemptStatements.find(connection, tradeNo, false);
    }

    Optional<PaymentAttempt> closeAttempt(Connection connection, String tradeNo, Instant now) throws SQLException {
        PaymentAttempt attempt =
                AttemptStatements.find(connection, tradeNo, true).orElse(null);
        if (attempt == null) {
            return Optional.empty();
        }
        AttemptStatements.close(connection, attempt, now);
        return AttemptStatements.find(connection, tradeNo, false);
    }

    /** Closes the attempt, then applies {@code transition} (a close or a cancel) to its order. */
    TransitionResult closeWithOrder(Connection connection, OrderTransition transition, String tradeNo, Instant now)
            throws SQLException {
        PaymentAttempt attempt =
                AttemptStatements.find(connection, tradeNo, true).orElse(null);
        if (attempt == null) {
            // Callers pass a trade they have just read: no such trade is their bug, not an order's outcome.
            throw new IllegalArgumentException("no payment attempt " + tradeNo);
        }
        // Not closed here when it was closed already (a retry of this call): the order is still decided below.
        AttemptStatements.close(connection, attempt, now);
        boolean onlyDue = transition.deadline() != OrderTransition.DeadlineColumn.NONE;
        return transitions.applyTo(connection, transition, attempt.orderId(), onlyDue, now);
    }
}
