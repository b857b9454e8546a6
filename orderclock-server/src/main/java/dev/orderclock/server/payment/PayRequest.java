package dev.orderclock.server.payment;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Set;

/** The optional body of {@code POST /api/orders/{id}/pay}: which channel, {@code alipay} unless named. */
public record PayRequest(
        @Schema(
                allowableValues = {"alipay", "wechat"},
                defaultValue = DEFAULT_CHANNEL)
        String channel) {

    /** The channels the API knows; whether each is configured is another question (400 either way). */
    static final Set<String> KNOWN_CHANNELS = Set.of("alipay", "wechat");

    static final String DEFAULT_CHANNEL = "alipay";

    String channelOrDefault() {
        return channel != null ? channel : DEFAULT_CHANNEL;
    }
}
