package dev.orderclock.bench.cluster;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerActivityTest {

    private static final String NODE = """
            # HELP rabbitmq_published_total
            # TYPE rabbitmq_published_total counter
            rabbitmq_published_total{application="orderclock",name="orderclock"} 900.0
            rabbitmq_consumed_total{application="orderclock",name="orderclock"} 300.0
            rabbitmq_acknowledged_published_total{application="orderclock",name="orderclock"} 835.0
            rabbitmq_connections{application="orderclock",name="orderclock"} 1.0
            """;

    @Test
    void sumsTheClientCountersOfEveryNodeAndIgnoresTheRest() {
        Map<String, Long> totals = new LinkedHashMap<>();

        BrokerActivity.sum(NODE, totals);
        BrokerActivity.sum(NODE, totals);

        assertThat(totals)
                .containsEntry("published", 1800L)
                .containsEntry("consumed", 600L)
                .doesNotContainKey("connections");
    }

    @Test
    void theDifferenceIsEmptyWhenAReadingIs() {
        assertThat(BrokerActivity.since(Map.of("published", 5L), Map.of())).isEmpty();
        assertThat(BrokerActivity.since(Map.of("published", 5L), Map.of("published", 2L)))
                .containsEntry("published", 3L);
    }
}
