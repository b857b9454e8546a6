package dev.orderclock.server.stats;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.order.OrderId;
import dev.orderclock.order.PaymentTimeoutSource;
import dev.orderclock.payment.ChannelTally;
import dev.orderclock.server.engine.EngineConfiguration;
import dev.orderclock.stats.CloseTimeline;
import dev.orderclock.stats.OrderCounts;
import dev.orderclock.web.config.ApiTime;
import dev.orderclock.web.identity.Caller;
import dev.orderclock.web.problem.ProblemException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For operators and the dashboard: counts of orders and payments (from the database, kept a moment
 * by {@link OrderCounts}), close lag since start-up, the engine's memory, the per-second close
 * timeline and the nearest payment deadlines. Nothing here reads more than a handful of rows, whatever the number of orders.
 */
@Tag(name = "operations")
@RestController
class StatsController {

    static final int MAX_NEXT_DEADLINES = 100;

    private final OrderCounts counts;
    private final CloseRecorder closes;
    private final CloseTimeline timeline;
    private final DeadlineEngine engine;
    private final PaymentTimeoutSource timeouts;
    private final String mode;

    StatsController(
            OrderCounts counts,
            CloseRecorder closes,
            CloseTimeline timeline,
            DeadlineEngine engine,
            PaymentTimeoutSource timeouts,
            Environment environment) {
        this.counts = counts;
        this.closes = closes;
        this.timeline = timeline;
        this.engine = engine;
        this.timeouts = timeouts;
        this.mode = EngineConfiguration.mode(environment);
    }

    @Operation(summary = "Counts, close lag and the engine", description = "The operator (docs/API.md, Operations).")
    @GetMapping("/api/stats")
    StatsView stats(Caller.Operator operator) {
        OrderCounts.Counted counted = counts.current();
        return new StatsView(
                counted.byStatus(),
                counted.closedByTimeout(),
                closes.lag(),
                new StatsView.EngineView(
                        mode, engine.inMemory(), engine.horizon().toSeconds()),
                payments(counted.payments()),
                ApiTime.of(counted.countedAt()));
    }

    /** Every channel the API knows, with zeros until its first attempt. */
    private static Map<String, StatsView.PaymentsView> payments(List<ChannelTally> tallies) {
        Map<String, StatsView.PaymentsView> byChannel = new LinkedHashMap<>();
        for (String channel : new String[] {"alipay", "wechat"}) {
            byChannel.put(channel, new StatsView.PaymentsView(0, 0, 0, 0, 0, 0));
        }
        for (ChannelTally tally : tallies) {
            byChannel.put(tally.channel(), StatsView.PaymentsView.of(tally));
        }
        return byChannel;
    }

    /** The last {@code seconds} seconds (1-300, default all) of timeouts closed on this node, oldest first. */
    @Operation(summary = "Timeouts closed per second on this node", description = "The operator; for the dashboard.")
    @GetMapping("/api/stats/closes")
    ClosesView closesPerSecond(Caller.Operator operator, @RequestParam(defaultValue = "300") int seconds) {
        if (seconds < 1 || seconds > CloseTimeline.SECONDS) {
            throw ProblemException.invalid("seconds must be from 1 to " + CloseTimeline.SECONDS + ": " + seconds);
        }
        return new ClosesView(timeline.latest(seconds).stream()
                .map(s -> new ClosesView.SecondView(ApiTime.of(s.at()), s.closed(), s.p50Ms(), s.p99Ms(), s.maxMs()))
                .toList());
    }

    /**
     * The {@code limit} (1-100, default 10) pending orders whose payment deadline comes first, overdue
     * ones included until they close: one indexed range scan, the same one the horizon loader runs.
     */
    @Operation(summary = "The nearest payment deadlines", description = "The operator; for the dashboard.")
    @GetMapping("/api/stats/next-deadlines")
    NextDeadlinesView nextDeadlines(Caller.Operator operator, @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > MAX_NEXT_DEADLINES) {
            throw ProblemException.invalid("limit must be from 1 to " + MAX_NEXT_DEADLINES + ": " + limit);
        }
        List<Deadline> next = timeouts.scan(Deadline.BEGINNING, Instant.MAX, limit);
        return new NextDeadlinesView(next.stream()
                .map(d -> new NextDeadlinesView.DeadlineView(
                        OrderId.format(d.id()), ApiTime.of(Instant.ofEpochMilli(d.dueMillis()))))
                .toList());
    }

    /** {@code GET /api/stats/closes}: one entry a second. */
    record ClosesView(List<SecondView> seconds) {
        record SecondView(String at, long closed, long p50Ms, long p99Ms, long maxMs) {}
    }

    /** {@code GET /api/stats/next-deadlines}. */
    record NextDeadlinesView(List<DeadlineView> deadlines) {
        record DeadlineView(String orderId, String payDeadline) {}
    }
}
