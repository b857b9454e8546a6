package dev.orderclock.bench.cluster;

import dev.orderclock.bench.workload.OrderApi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes' RabbitMQ traffic as their amqp-client counts it ({@code rabbitmq_*_total} under
 * {@code /actuator/prometheus}), summed over the nodes. These are the client's publishes and
 * deliveries; the broker's own hops between delay tiers (dead-lettering) are not among them, and the
 * broker's management API, which would count those, is not assumed enabled.
 */
public final class BrokerActivity {

    /** The counters read, by the name the report gives them. */
    static final Map<String, String> COUNTERS = counters();

    private final List<OrderApi> nodes;

    public BrokerActivity(List<OrderApi> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** Cumulative counts over every node; a node whose metrics cannot be read makes the snapshot empty. */
    public Map<String, Long> snapshot() throws IOException, InterruptedException {
        Map<String, Long> totals = new LinkedHashMap<>();
        COUNTERS.keySet().forEach(name -> totals.put(name, 0L));
        for (OrderApi node : nodes) {
            String prometheus = node.prometheus();
            if (prometheus == null) {
                return Map.of();
            }
            sum(prometheus, totals);
        }
        return totals;
    }

    static void sum(String prometheus, Map<String, Long> totals) {
        for (String line : prometheus.lines().toList()) {
            COUNTERS.forEach((name, metric) -> {
                if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    totals.merge(name, (long) value, Long::sum);
                }
            });
        }
    }

    /** {@code later - earlier} per counter; empty when either is. */
    public static Map<String, Long> since(Map<String, Long> later, Map<String, Long> earlier) {
        if (later.isEmpty() || earlier.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> delta = new LinkedHashMap<>();
        later.forEach((name, value) -> delta.put(name, value - earlier.getOrDefault(name, 0L)));
        return delta;
    }

    private static Map<String, String> counters() {
        Map<String, String> counters = new LinkedHashMap<>();
        counters.put("published", "rabbitmq_published_total");
        // Not rabbitmq_acknowledged_published_total: amqp-client leaves out confirms with multiple=true,
        // which is how the broker confirms a stream of publishes, so it undercounts by far.
        counters.put("publishFailed", "rabbitmq_failed_to_publish_total");
        counters.put("consumed", "rabbitmq_consumed_total");
        counters.put("acknowledged", "rabbitmq_acknowledged_total");
        counters.put("rejected", "rabbitmq_rejected_total");
        return counters;
    }
}
