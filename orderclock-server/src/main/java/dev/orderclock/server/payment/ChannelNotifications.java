package dev.orderclock.server.payment;

import dev.orderclock.payment.InboundNotification;
import dev.orderclock.payment.PaymentChannels;
import dev.orderclock.payment.PaymentNotifications;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The notify endpoints' shared flow: the notification exactly as it arrived — the body read raw from the
 * request stream (no {@code @RequestParam}, no form or JSON binding: the signature is over what was sent),
 * the headers by lower-case name — handed with its channel to {@link PaymentNotifications}. Each endpoint
 * answers the receipt in its channel's own format.
 */
@Component
class ChannelNotifications {

    private final PaymentChannels channels;
    private final PaymentNotifications notifications;

    ChannelNotifications(PaymentChannels channels, PaymentNotifications notifications) {
        this.channels = channels;
        this.notifications = notifications;
    }

    /** The receipt; empty when the channel is not configured on this server. */
    Optional<PaymentNotifications.Receipt> receive(String channel, HttpServletRequest request) throws IOException {
        // Read first: a body over the limit is 413 whether or not the channel is configured.
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        InboundNotification inbound = new InboundNotification(headers(request), body);
        return channels.find(channel).map(found -> notifications.handle(found, inbound));
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }
}
