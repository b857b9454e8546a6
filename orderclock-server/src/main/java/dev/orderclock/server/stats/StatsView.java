package dev.orderclock.server.stats;

import dev.orderclock.payment.ChannelTally;
import dev.orderclock.stats.CloseLag;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * {@code GET /api/stats} (docs/API.md, Operations); {@code payments} (by channel name) and
 * {@code countedAt} (when the database counted the orders, see {@link OrderCounts}) are additions.
 */
@Schema(name = "Stats")
public record StatsView(
        @Schema(description = "orders by status: PENDING_PAYMENT, PAID, SHIPPED, COMPLETED, CLOSED")
        Map<String, Long> orders,

        long closedByTimeout,
        CloseLag closeLag,
        EngineView engine,
        Map<String, PaymentsView> payments,
        String countedAt) {

    /** One channel's attempts, payments (money it took), payments kept, and refunds pending and done. */
    public record PaymentsView(long attempts, long open, long paid, long kept, long refundsPending, long refunded) {

        static PaymentsView of(ChannelTally tally) {
            return new PaymentsView(
                    tally.attempts(),
                    tally.open(),
                    tally.paid(),
                    tally.kept(),
                    tally.refundsPending(),
                    tally.refunded());
        }
    }

    /** The engine as it runs here: {@code embedded} (the local wheel) or {@code cluster}. */
    public record EngineView(
            @Schema(allowableValues = {"embedded", "cluster"})
            String mode,

            long inMemory,
            long horizonSeconds) {}
}
