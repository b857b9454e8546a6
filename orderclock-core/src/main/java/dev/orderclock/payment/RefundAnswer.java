package dev.orderclock.payment;

import java.time.Instant;

/** The channel's answer about a refund. {@link Processing} is not a failure: ask again later. */
public sealed interface RefundAnswer {

    record Refunded(Instant at) implements RefundAnswer {}

    record Processing() implements RefundAnswer {}

    record NotFound() implements RefundAnswer {}

    record Unknown(String reason) implements RefundAnswer {}
}
