package dev.orderclock.server.order;

import dev.orderclock.order.CloseReason;
import dev.orderclock.order.EventType;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderEvent;
import dev.orderclock.order.OrderLine;
import dev.orderclock.order.OrderStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JacksonOrderEventFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventRendersAsTheContractsBodyWithTheOrderRepresentation() throws Exception {
        Instant deadline = Instant.parse("2026-11-24T19:50:00.123Z");
        Order closed = new Order(
                1L,
                "u-42",
                OrderStatus.CLOSED,
                CloseReason.PAYMENT_TIMEOUT,
                new BigDecimal("19.98"),
                "CNY",
                List.of(new OrderLine("TEA-1", 2, new BigDecimal("9.99"))),
                Instant.parse("2026-11-24T19:20:00.123Z"),
                deadline,
                null,
                Instant.parse("2026-11-24T19:50:00.131Z"),
                null,
                null,
                null);
        UUID eventId = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");

        String body = new JacksonOrderEventFormat(JSON)
                .render(new OrderEvent(
                        eventId, EventType.ORDER_CLOSED, 1L, Instant.parse("2026-11-24T19:50:00.131Z"), closed));

        JsonNode event = JSON.readTree(body);
        assertThat(event.fieldNames())
                .toIterable()
                .containsExactly("eventId", "type", "orderId", "occurredAt", "order");
        assertThat(event.path("eventId").asText()).isEqualTo(eventId.toString());
        assertThat(event.path("type").asText()).isEqualTo("order.closed");
        assertThat(event.path("orderId").asText()).isEqualTo("ORD-0000000001");
        assertThat(event.path("occurredAt").asText()).isEqualTo("2026-11-24T19:50:00.131Z");
        assertThat(event.path("order")).isEqualTo(JSON.valueToTree(OrderView.of(closed)));
    }

    @Test
    void aRefundedEventShowsTheRefundInTheOrder() throws Exception {
        Order closed = new Order(
                1L,
                "u-42",
                OrderStatus.CLOSED,
                CloseReason.PAYMENT_TIMEOUT,
                new BigDecimal("19.98"),
                "CNY",
                List.of(new OrderLine("TEA-1", 2, new BigDecimal("9.99"))),
                Instant.parse("2026-11-24T19:20:00.123Z"),
                Instant.parse("2026-11-24T19:50:00.123Z"),
                null,
                Instant.parse("2026-11-24T19:50:00.131Z"),
                null,
                null,
                null);
        OrderEvent.Refund refund = new OrderEvent.Refund("REFUNDED", new BigDecimal("19.980"), "ORD_0000000001_1");

        String body = new JacksonOrderEventFormat(JSON)
                .render(new OrderEvent(
                        UUID.randomUUID(),
                        EventType.ORDER_REFUNDED,
                        1L,
                        Instant.parse("2026-11-24T19:51:00Z"),
                        closed,
                        refund));

        assertThat(JSON.readTree(body).path("order").path("refund"))
                .isEqualTo(JSON.readTree(
                        "{\"status\":\"REFUNDED\",\"amount\":\"19.98\",\"tradeNo\":\"ORD_0000000001_1\"}"));
    }

    @Test
    void timesAlwaysShowMillisecondsInUtc() {
        assertThat(OrderView.time(Instant.parse("2026-11-24T19:20:00Z"))).isEqualTo("2026-11-24T19:20:00.000Z");
    }
}
