package dev.orderclock.server.stats;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.order.CloseReason;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderStore;
import dev.orderclock.payment.ChannelTally;
import dev.orderclock.payment.PaymentStore;
import dev.orderclock.server.engine.EngineConfiguration;
import dev.orderclock.server.identity.Caller;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts from the database, close lag since start-up, and the engine's memory, for operators. */
@RestController
class StatsController {

    private final OrderStore orders;
    private final CloseRecorder closes;
    private final DeadlineEngine engine;
    private final String mode;
    private final PaymentStore payments;

    StatsController(OrderStore orders, CloseRecorder closes, DeadlineEngine engine, Environment environment,
                    PaymentStore payments) {
        this.orders = orders;
        this.payments = payments;
        this.closes = closes;
        this.engine = engine;
        this.mode = EngineConfiguration.mode(environment);
    }

    @GetMapping("/api/stats")
    StatsView stats(Caller.Operator operator) {
        Map<OrderStatus, Long> counts = orders.countByStatus();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status.name(), counts.getOrDefault(status, 0L));
        }
        return new StatsView(byStatus, orders.countClosedFor(CloseReason.PAYMENT_TIMEOUT), closes.lag(),
                new StatsView.EngineView(mode, engine.inMemory(), engine.horizon().toSeconds()), payments());
    }

    /** Every channel the API knows, with zeros until its first attempt. */
    private Map<String, StatsView.PaymentsView> payments() {
        Map<String, StatsView.PaymentsView> byChannel = new LinkedHashMap<>();
        for (String channel : new String[] {"alipay", "wechat"}) {
            byChannel.put(channel, new StatsView.PaymentsView(0, 0, 0, 0, 0, 0));
        }
        for (ChannelTally tally : payments.tallyByChannel()) {
            byChannel.put(tally.channel(), StatsView.PaymentsView.of(tally));
        }
        return byChannel;
    }
}
