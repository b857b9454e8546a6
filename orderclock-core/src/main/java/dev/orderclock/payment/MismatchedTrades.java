package dev.orderclock.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;

/**
 * Ends an attempt whose trade at the channel is not the one opened (another amount, currency or
 * merchant): a trade holding no money is closed at the channel first; then the attempt is marked
 * {@code MISMATCHED} and any money in it is due back under the attempt's fixed refund number. The order
 * is left pending, to close at its deadline as any unpaid one: such a trade is never asked about again,
 * so nothing retries it without end. One WARN line per trade.
 */
final class MismatchedTrades {

    private static final Logger log = LoggerFactory.getLogger(MismatchedTrades.class);

    private final PaymentStore store;
    private final InstantSource clock;

    MismatchedTrades(PaymentStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whether the channel's answer shows another trade than the attempt opened. */
    static boolean isMismatch(PaymentAttempt attempt, TradeState state) {
        return state instanceof TradeState.Mismatched
                || state instanceof TradeState.Paid paid
                        && (paid.amount() == null || paid.amount().compareTo(attempt.amount()) != 0);
    }

    /**
     * Ends the attempt for an answer {@link #isMismatch} holds for. Answers false when the channel gave no
     * clear answer to closing an unpaid trade: nothing changed, ask again later.
     */
    boolean end(PaymentChannel channel, PaymentAttempt attempt, TradeState state) {
        TradeState.Paid money;
        String what;
        if (state instanceof TradeState.Mismatched mismatched) {
            money = mismatched.money();
            what = mismatched.what();
        } else {
            money = (TradeState.Paid) state;
            what = "amount " + money.amount() + " (the attempt's: " + attempt.amount() + ")";
        }
        if (money == null) {
            CloseAnswer answer = channel.close(attempt.tradeNo());
            if (!(answer instanceof CloseAnswer.Closed) && !(answer instanceof CloseAnswer.NotFound)) {
                return false; // paid meanwhile, or no clear answer: the next query decides
            }
        }
        store.markMismatched(attempt.tradeNo(), money, clock.instant())
                .ifPresent(marked -> log.warn(
                        "the {} trade {} of order {} carries another {}: attempt marked MISMATCHED, {}",
                        channel.name(),
                        attempt.tradeNo(),
                        attempt.orderId(),
                        what,
                        money == null
                                ? "trade closed at the channel"
                                : "the " + money.amount() + " it took is refunded as "
                                        + marked.refund().requestNo()));
        return true;
    }
}
