package dev.orderclock.order;

import java.util.Optional;

/**
 * Cancels an order through its open payment attempt: the channel closes the trade first (implemented
 * by the payment feature, which this package does not know).
 */
@FunctionalInterface
public interface OpenAttemptCancellation {

    /** For a shop without payment channels: no order ever has an open attempt. */
    OpenAttemptCancellation NONE = orderId -> Optional.empty();

    /**
     * Empty when the order has no open attempt (cancel it the ordinary way).
     *
     * @throws Undecided when the channel gave no clear answer: nothing changed, try again
     */
    Optional<TransitionResult> cancel(long orderId);

    /** The channel did not say whether the trade was closed or paid; nothing changed. */
    final class Undecided extends RuntimeException {

        public Undecided(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
