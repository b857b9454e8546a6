package dev.orderclock.payment;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * A shopper asks to pay: an attempt is opened on the order (at most one open, expiring at the
 * order's deadline) and then at the channel. Asking again on the same channel answers the same
 * open attempt. Asking on another channel first closes the open attempt at its own channel; if that
 * channel says the trade was paid (or gives no clear answer and a query then says paid), the order
 * is paid through it and no second attempt opens. The attempt is written before the channel is
 * called, so that the order's deadline never closes it blindly while a trade may exist.
 * <p>
 * Both channels take a trade's expiry to the whole second, and refuse one that has passed: a trade is
 * opened only before {@link #lastOpening} (the deadline cut to the second); from then until the deadline
 * {@code pay} answers {@link Result.WindowClosed}, as it does when the channel refused a trade whose
 * expiry passed while the call was on its way.
 */
public final class Checkout {

    /** How many times an attempt that appeared on another channel meanwhile is closed before giving up. */
    private static final int MAX_SWITCHES = 3;

    /** No limit on attempts per order. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** What {@link #pay} did. */
    public sealed interface Result {

        /** A trade the buyer can pay, new or the one already open. */
        record Started(PaymentAttempt attempt) implements Result {}

        /** The order is not pending or its deadline has passed. */
        record Refused(Order current) implements Result {}

        /** The attempt open on another channel turned out paid when it was being closed: the order is paid. */
        record PaidMeanwhile(Order order, PaymentAttempt through) implements Result {}

        /** The deadline is so near that the channel would refuse the trade's expiry: nothing was opened. */
        record WindowClosed(Order current, Instant closedAt) implements Result {}

        /** The order has had {@code limit} attempts already: nothing was opened. */
        record LimitReached(Order current, int limit) implements Result {}

        record NotFound(long orderId) implements Result {}
    }

    private final PaymentStore store;
    private final PaymentChannels channels;
    private final InstantSource clock;
    private final PaymentOutcomes outcomes;
    private final MismatchedTrades mismatched;
    private final int maxAttemptsPerOrder;

    public Checkout(PaymentStore store, PaymentChannels channels, InstantSource clock, PaymentOutcomes outcomes) {
        this(store, channels, clock, outcomes, UNLIMITED);
    }

    /** @param maxAttemptsPerOrder how many attempts an order may have in all, at least 1 */
    public Checkout(
            PaymentStore store,
            PaymentChannels channels,
            InstantSource clock,
            PaymentOutcomes outcomes,
            int maxAttemptsPerOrder) {
        if (maxAttemptsPerOrder < 1) {
            throw new IllegalArgumentException("maxAttemptsPerOrder must be at least 1: " + maxAttemptsPerOrder);
        }
        this.store = store;
        this.channels = channels;
        this.clock = clock;
        this.outcomes = outcomes;
        this.mismatched = new MismatchedTrades(store, clock);
        this.maxAttemptsPerOrder = maxAttemptsPerOrder;
    }

    /** The moment from which no trade can be opened for an order with this deadline: its whole-second expiry. */
    public static Instant lastOpening(Instant payDeadline) {
        return payDeadline.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @throws ChannelException when the channel did not open the trade (the attempt stays open, to be
     *                          asked again), or the other channel gave no clear answer about closing
     *                          its trade (nothing changed)
     * @throws ChannelRefusedException when the channel refused the trade for good (the attempt stays open,
     *                                 never opened at the channel, and closes with the order)
     */
    public Result pay(Order order, PaymentChannel channel) {
        for (int round = 0; round < MAX_SWITCHES; round++) {
            Instant now = clock.instant();
            // Only a pending order before its deadline: any other is refused by the store, for the reason it has.
            if (order.status() == OrderStatus.PENDING_PAYMENT
                    && order.payDeadline().isAfter(now)
                    && !now.isBefore(lastOpening(order.payDeadline()))) {
                return new Result.WindowClosed(order, lastOpening(order.payDeadline()));
            }
            OpenResult result = store.open(order.id(), channel.name(), now, maxAttemptsPerOrder);
            PaymentAttempt attempt;
            if (result instanceof OpenResult.Opened opened) {
                attempt = opened.attempt();
            } else if (result instanceof OpenResult.AlreadyOpen open) {
                attempt = open.attempt();
            } else if (result instanceof OpenResult.Refused refused) {
                return new Result.Refused(refused.current());
            } else if (result instanceof OpenResult.LimitReached limit) {
                return new Result.LimitReached(limit.current(), limit.limit());
            } else {
                return new Result.NotFound(order.id());
            }
            if (!attempt.channel().equals(channel.name())) {
                Result paid = closeAtItsChannel(attempt);
                if (paid != null) {
                    return paid;
                }
                continue; // closed: open the new one, or learn what changed meanwhile
            }
            if (attempt.isOpenedAtChannel()) {
                return new Result.Started(attempt);
            }
            // Opening the same trade number again is what the channel expects after a failed call.
            OpenedTrade trade;
            try {
                trade = channel.open(new TradeRequest(
                        attempt.tradeNo(),
                        order.id(),
                        attempt.amount(),
                        "orderclock " + order.displayId(),
                        attempt.expiresAt()));
            } catch (ChannelRefusedException e) {
                if (!clock.instant().isBefore(lastOpening(attempt.expiresAt()))) {
                    return new Result.WindowClosed(order, lastOpening(attempt.expiresAt())); // expired on the way
                }
                throw e;
            }
            store.openedAtChannel(attempt.tradeNo(), trade.payUrl(), trade.expiresAt());
            return new Result.Started(store.find(attempt.tradeNo()).orElseThrow());
        }
        throw new ChannelException(
                "order " + order.displayId() + " kept getting attempts on other channels; try again");
    }

    /**
     * Closes the open attempt at its channel, and locally once the channel has closed it. Answers null
     * when the order may go on to a new attempt, or what ended the call (the trade was paid).
     */
    private Result closeAtItsChannel(PaymentAttempt attempt) {
        PaymentChannel other = channels.find(attempt.channel())
                .orElseThrow(() ->
                        new ChannelException("the open attempt's channel " + attempt.channel() + " is not configured"));
        CloseAnswer answer = other.close(attempt.tradeNo());
        if (answer instanceof CloseAnswer.Closed || answer instanceof CloseAnswer.NotFound) {
            // Not existing (Alipay before the buyer scans) cannot be waited out here: should the buyer
            // still pay it, that payment is recorded, and the later one of the two refunded.
            store.closeAttempt(attempt.tradeNo(), clock.instant());
            return null;
        }
        // Refused because paid, or no clear answer: what the trade is now decides.
        TradeState state = other.query(attempt.tradeNo());
        if (MismatchedTrades.isMismatch(attempt, state)) {
            if (mismatched.end(other, attempt, state)) {
                return null; // not this order's trade: never pays it, and the new attempt may open
            }
            throw new ChannelException("the " + other.name() + " channel did not close mismatched trade "
                    + attempt.tradeNo() + "; try again");
        }
        if (state instanceof TradeState.Closed) {
            store.closeAttempt(attempt.tradeNo(), clock.instant());
            return null;
        }
        if (!(state instanceof TradeState.Paid paid)) {
            throw new ChannelException("the " + other.name() + " channel did not close trade " + attempt.tradeNo()
                    + " (" + describe(answer) + "); try again");
        }
        Instant now = clock.instant();
        Recorded recorded = store.recordPayment(
                attempt.tradeNo(),
                paid.amount(),
                paid.channelTradeNo(),
                paid.paidAt() != null ? paid.paidAt() : now,
                now);
        if (recorded instanceof Recorded.Paid done) {
            outcomes.paid(done.order());
            return new Result.PaidMeanwhile(
                    done.order(), store.find(attempt.tradeNo()).orElse(attempt));
        }
        if (recorded instanceof Recorded.AmountMismatch) {
            throw new ChannelException("the " + other.name() + " channel reports trade " + attempt.tradeNo()
                    + " paid with another amount");
        }
        return null; // recorded before, or the order had left pending: the next open says which
    }

    private static String describe(CloseAnswer answer) {
        return answer instanceof CloseAnswer.Unknown unknown ? unknown.reason() : "already paid, then no clear query";
    }
}
