package dev.orderclock.server.order;

import dev.orderclock.order.OrderEvent;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.OrderId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The event body of docs/API.md ({@code eventId, type, orderId, occurredAt, order}), with the order in the
 * same representation the REST API answers, so a consumer reads both with one model.
 */
public final class JacksonOrderEventFormat implements OrderEventFormat {

    private final ObjectMapper json;

    public JacksonOrderEventFormat(ObjectMapper json) {
        this.json = json;
    }

    /** The body, field for field ({@code OrderEvent} in {@code /v3/api-docs}). */
    @Schema(name = "OrderEvent")
    public record EventBody(
            @Schema(format = "uuid") String eventId,

            @Schema(
                    allowableValues = {
                        "order.created",
                        "order.paid",
                        "order.closed",
                        "order.refunded",
                        "order.shipped",
                        "order.completed"
                    })
            String type,

            String orderId,
            @Schema(format = "date-time") String occurredAt,
            OrderView order) {}

    @Override
    public String render(OrderEvent event) {
        OrderEvent.Refund refund = event.refund();
        OrderView.RefundView refundView =
                refund == null ? null : OrderView.RefundView.of(refund.status(), refund.amount(), refund.tradeNo());
        EventBody body = new EventBody(
                event.eventId().toString(),
                event.type().wireName(),
                OrderId.format(event.orderId()),
                OrderView.time(event.occurredAt()),
                OrderView.of(event.order(), refundView));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event body of strings always renders", e);
        }
    }
}
