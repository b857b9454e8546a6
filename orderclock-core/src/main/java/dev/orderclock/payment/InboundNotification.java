package dev.orderclock.payment;

import java.util.Map;

/** A notification exactly as it arrived: headers (lower-case names) and the raw body. */
public record InboundNotification(Map<String, String> headers, String body) {

    public InboundNotification {
        headers = Map.copyOf(headers);
    }
}
