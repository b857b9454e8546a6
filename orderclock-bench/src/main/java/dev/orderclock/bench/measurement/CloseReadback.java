package dev.orderclock.bench.measurement;

import dev.orderclock.bench.workload.CreatedOrder;
import dev.orderclock.bench.workload.OrderApi;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the run's orders back through {@code GET /api/orders} after the run and judges each from its
 * own timestamps: close lag is {@code closedAt - payDeadline}; a close later than the grace period is
 * late, and an order still pending past its deadline plus the grace period when read is a missed close. Pages newest first and stops once every order of
 * the run was seen, so older orders in a reused database cost little.
 */
public final class CloseReadback {

    private static final int PAGE = 500;

    private CloseReadback() {}

    /** The run's orders by final state; {@code lagMs} holds one value per order closed for timeout. */
    public record Outcome(
            long closedByTimeout,
            long cancelled,
            long paid,
            long pending,
            long missed,
            long late,
            long unseen,
            long paidButClosed,
            long closedEarly,
            Histogram lagMs,
            List<String> closedIds,
            Instant firstClose,
            Instant lastClose) {

        /** Closes per second from the first close to the last: the engine's pace, not the creation's. */
        public double closesPerSecond() {
            if (closedByTimeout < 2 || firstClose == null) {
                return 0;
            }
            double seconds = Duration.between(firstClose, lastClose).toMillis() / 1000.0;
            return seconds > 0 ? closedByTimeout / seconds : closedByTimeout;
        }
    }

    public static Outcome read(
            OrderApi api, Map<String, CreatedOrder> ours, Set<String> paidAccepted, Instant now, Duration grace)
            throws IOException, InterruptedException {
        Histogram lag = new Histogram(3);
        Set<String> seen = new HashSet<>();
        List<String> closedIds = new ArrayList<>();
        long closed = 0, cancelled = 0, paid = 0, pending = 0, missed = 0, late = 0, paidButClosed = 0, early = 0;
        Instant first = null, last = null;
        String cursor = null;
        do {
            OrderApi.Answer page = api.listOrders(null, PAGE, cursor);
            if (!page.is(200)) {
                throw new IOException("GET /api/orders answered " + page.status() + ": " + page.body());
            }
            for (JsonNode order : page.body().get("orders")) {
                String id = order.get("id").asText();
                if (!ours.containsKey(id) || !seen.add(id)) {
                    continue;
                }
                String status = order.get("status").asText();
                Instant deadline = Instant.parse(order.get("payDeadline").asText());
                switch (status) {
                    case "PENDING_PAYMENT" -> {
                        pending++;
                        if (deadline.plus(grace).isBefore(now)) {
                            missed++;
                        }
                    }
                    case "CLOSED" -> {
                        if (paidAccepted.contains(id)) {
                            paidButClosed++;
                        }
                        if (!"PAYMENT_TIMEOUT".equals(order.path("closeReason").asText())) {
                            cancelled++;
                            continue;
                        }
                        closed++;
                        closedIds.add(id);
                        Instant closedAt = Instant.parse(order.get("closedAt").asText());
                        long ms = Duration.between(deadline, closedAt).toMillis();
                        if (ms < 0) {
                            early++;
                        } else if (ms > grace.toMillis()) {
                            late++;
                        }
                        lag.recordValue(Math.max(0, ms));
                        first = first == null || closedAt.isBefore(first) ? closedAt : first;
                        last = last == null || closedAt.isAfter(last) ? closedAt : last;
                    }
                    default -> paid++;
                }
            }
            JsonNode next = page.body().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null && seen.size() < ours.size());
        return new Outcome(
                closed,
                cancelled,
                paid,
                pending,
                missed,
                late,
                ours.size() - seen.size(),
                paidButClosed,
                early,
                lag,
                closedIds,
                first,
                last);
    }
}
