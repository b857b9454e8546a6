package dev.orderclock.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A deadline as it travels through the tiers: the source's name, the id, and when it is due. */
record DelayMessage(String source, long id, long dueMillis) {

    static final String SOURCE_HEADER = "orderclock-source";
    static final String DUE_HEADER = "orderclock-due";

    byte[] body() {
        return Long.toString(id).getBytes(StandardCharsets.US_ASCII);
    }

    AMQP.BasicProperties properties() {
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("text/plain")
                .headers(Map.of(SOURCE_HEADER, source, DUE_HEADER, dueMillis))
                .build();
    }

    /** @throws IllegalArgumentException for a message that is not one of ours */
    static DelayMessage from(Delivery delivery) {
        Map<String, Object> headers = delivery.getProperties().getHeaders();
        if (headers == null || headers.get(SOURCE_HEADER) == null || !(headers.get(DUE_HEADER) instanceof Number due)) {
            throw new IllegalArgumentException("not a deadline message: headers " + headers);
        }
        long id = Long.parseLong(new String(delivery.getBody(), StandardCharsets.US_ASCII));
        return new DelayMessage(headers.get(SOURCE_HEADER).toString(), id, due.longValue());
    }
}
