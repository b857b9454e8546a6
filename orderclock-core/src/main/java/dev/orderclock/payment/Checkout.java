package dev.orderclock.payment;

import dev.orderclock.order.Order;

import java.time.InstantSource;

/**
 * A shopper asks to pay: an attempt is opened on the order (at most one open, expiring at the
 * order's deadline) and then at the channel. Asking again on the same channel answers the same
 * open attempt. The attempt is written before the channel is called, so that the order's deadline
 * never closes it blindly while a trade may exist.
 */
public final class Checkout {

    /** What {@link #pay} did. */
    public sealed interface Result {

        /** A trade the buyer can pay, new or the one already open. */
        record Started(PaymentAttempt attempt) implements Result {
        }

        /** The order is not pending or its deadline has passed. */
        record Refused(Order current) implements Result {
        }

        /** An attempt is open on another channel. */
        record OtherChannelOpen(PaymentAttempt attempt) implements Result {
        }

        record NotFound(long orderId) implements Result {
        }
    }

    private final PaymentStore store;
    private final InstantSource clock;

    public Checkout(PaymentStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws ChannelException when the channel did not open the trade (the attempt stays open, to be asked again) */
    public Result pay(Order order, PaymentChannel channel) {
        OpenResult result = store.open(order.id(), channel.name(), clock.instant());
        PaymentAttempt attempt;
        if (result instanceof OpenResult.Opened opened) {
            attempt = opened.attempt();
        } else if (result instanceof OpenResult.AlreadyOpen open) {
            attempt = open.attempt();
        } else if (result instanceof OpenResult.Refused refused) {
            return new Result.Refused(refused.current());
        } else {
            return new Result.NotFound(order.id());
        }
        if (!attempt.channel().equals(channel.name())) {
            return new Result.OtherChannelOpen(attempt);
        }
        if (attempt.isOpenedAtChannel()) {
            return new Result.Started(attempt);
        }
        // Opening the same trade number again is what the channel expects after a failed call.
        OpenedTrade trade = channel.open(new TradeRequest(attempt.tradeNo(), order.id(), attempt.amount(),
                "orderclock " + order.displayId(), attempt.expiresAt()));
        store.openedAtChannel(attempt.tradeNo(), trade.payUrl(), trade.expiresAt());
        return new Result.Started(store.find(attempt.tradeNo()).orElseThrow());
    }
}
