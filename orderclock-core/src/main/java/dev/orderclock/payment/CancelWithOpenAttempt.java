package dev.orderclock.payment;

import dev.orderclock.order.OpenAttemptCancellation;
import dev.orderclock.order.TransitionResult;

import java.time.InstantSource;
import java.util.Optional;

/**
 * A shopper cancels an order that has an open attempt: the trade is closed at the channel first,
 * then the attempt and the order together. A trade the channel reports paid makes the order paid
 * instead, and the cancel is refused as for any paid order.
 */
public final class CancelWithOpenAttempt implements OpenAttemptCancellation {

    private final PaymentStore store;
    private final PaymentChannels channels;
    private final InstantSource clock;
    private final PaymentOutcomes outcomes;

    public CancelWithOpenAttempt(
            PaymentStore store, PaymentChannels channels, InstantSource clock, PaymentOutcomes outcomes) {
        this.store = store;
        this.channels = channels;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /**
     * Empty when the order has no open attempt (cancel it the ordinary way).
     *
     * @throws Undecided when the channel gave no clear answer: nothing changed, try again
     */
    @Override
    public Optional<TransitionResult> cancel(long orderId) {
        try {
            return closeThenCancel(orderId);
        } catch (ChannelException e) {
            throw new Undecided(e.getMessage(), e);
        }
    }

    private Optional<TransitionResult> closeThenCancel(long orderId) {
        PaymentAttempt attempt = store.openAttemptOf(orderId).orElse(null);
        if (attempt == null) {
            return Optional.empty();
        }
        PaymentChannel channel = channels.find(attempt.channel())
                .orElseThrow(() -> new ChannelException("channel " + attempt.channel() + " is not configured"));
        TradeState state = channel.query(attempt.tradeNo());
        if (MismatchedTrades.isMismatch(attempt, state)) {
            if (!new MismatchedTrades(store, clock).end(channel, attempt, state)) {
                throw new ChannelException("the channel did not close the mismatched trade; try again");
            }
            return Optional.of(store.cancel(attempt.tradeNo(), clock.instant()));
        }
        if (!(state instanceof TradeState.Paid) && !(state instanceof TradeState.Closed)) {
            if (state instanceof TradeState.Unknown unknown) {
                throw new ChannelException("the channel did not say whether the trade was paid: " + unknown.reason());
            }
            CloseAnswer answer = channel.close(attempt.tradeNo());
            if (answer instanceof CloseAnswer.AlreadyPaid || answer instanceof CloseAnswer.Unknown) {
                state = channel.query(attempt.tradeNo());
                if (!(state instanceof TradeState.Paid) && !(state instanceof TradeState.Closed)) {
                    throw new ChannelException("the channel did not close the trade; try again");
                }
            }
        }
        if (state instanceof TradeState.Paid paid) {
            Recorded recorded = store.recordPayment(
                    attempt.tradeNo(),
                    paid.amount(),
                    paid.channelTradeNo(),
                    paid.paidAt() != null ? paid.paidAt() : clock.instant(),
                    clock.instant());
            if (recorded instanceof Recorded.Paid done) {
                outcomes.paid(done.order());
                return Optional.of(new TransitionResult.WrongStatus(done.order()));
            }
        }
        return Optional.of(store.cancel(attempt.tradeNo(), clock.instant()));
    }
}
