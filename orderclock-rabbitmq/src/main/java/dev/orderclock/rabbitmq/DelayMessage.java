package dev.orderclock.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Deadlines of one source as they travel through the tiers together: ids and each one's due time.
 * The one place that encodes and decodes a delay message. Body: a count, then per deadline its id and
 * due epoch millis, all big-endian longs (16 bytes a deadline, 8 KiB for 500).
 */
record DelayMessage(String source, long[] ids, long[] dueMillis) {

    static final String SOURCE_HEADER = "orderclock-source";
    /** The earliest deadline carried, for people reading a queue; the body is what counts. */
    static final String DUE_HEADER = "orderclock-due";

    static final String CONTENT_TYPE = "application/x-orderclock-deadlines";
    /** Before batching a message carried one id as text and its due time in {@link #DUE_HEADER}. */
    private static final String SINGLE_CONTENT_TYPE = "text/plain";

    DelayMessage {
        if (ids.length == 0 || ids.length != dueMillis.length) {
            throw new IllegalArgumentException(
                    "ids and due times differ or are empty: " + ids.length + ", " + dueMillis.length);
        }
    }

    int size() {
        return ids.length;
    }

    long earliestDueMillis() {
        return Arrays.stream(dueMillis).min().orElseThrow();
    }

    /**
     * Routed by the earliest deadline and rounded down (as {@link RabbitDelayTiers#delaySeconds}): the
     * message reaches the due queue before every deadline it carries, never after one.
     */
    String routingKey(long nowMillis) {
        return RabbitDelayTiers.routingKey(RabbitDelayTiers.delaySeconds(nowMillis, earliestDueMillis()));
    }

    byte[] body() {
        ByteBuffer body = ByteBuffer.allocate(Integer.BYTES + ids.length * 2 * Long.BYTES);
        body.putInt(ids.length);
        for (int i = 0; i < ids.length; i++) {
            body.putLong(ids[i]).putLong(dueMillis[i]);
        }
        return body.array();
    }

    AMQP.BasicProperties properties() {
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType(CONTENT_TYPE)
                .headers(Map.of(SOURCE_HEADER, source, DUE_HEADER, earliestDueMillis()))
                .build();
    }

    /** @throws IllegalArgumentException for a message that is not one of ours */
    static DelayMessage from(Delivery delivery) {
        Map<String, Object> headers = delivery.getProperties().getHeaders();
        if (headers == null || headers.get(SOURCE_HEADER) == null) {
            throw new IllegalArgumentException("not a deadline message: headers " + headers);
        }
        String source = headers.get(SOURCE_HEADER).toString();
        String type = delivery.getProperties().getContentType();
        try {
            if (SINGLE_CONTENT_TYPE.equals(type) && headers.get(DUE_HEADER) instanceof Number due) {
                // published by a node of the previous version during a rolling upgrade
                long id = Long.parseLong(new String(delivery.getBody(), StandardCharsets.US_ASCII));
                return new DelayMessage(source, new long[] {id}, new long[] {due.longValue()});
            }
            if (!CONTENT_TYPE.equals(type)) {
                throw new IllegalArgumentException("not a deadline message: content type " + type);
            }
            ByteBuffer body = ByteBuffer.wrap(delivery.getBody());
            int count = body.getInt();
            if (count <= 0 || body.remaining() != count * 2 * Long.BYTES) {
                throw new IllegalArgumentException(
                        "deadline message of " + count + " with " + body.remaining() + " bytes");
            }
            long[] ids = new long[count];
            long[] due = new long[count];
            for (int i = 0; i < count; i++) {
                ids[i] = body.getLong();
                due[i] = body.getLong();
            }
            return new DelayMessage(source, ids, due);
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException iae
                    ? iae
                    : new IllegalArgumentException("unreadable deadline message", e);
        }
    }
}
